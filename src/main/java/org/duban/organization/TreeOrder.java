package org.duban.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Depth-first order of a unit list, siblings by their sort number then name: how a tree
 * reads on a page.
 */
final class TreeOrder {

    private TreeOrder() {
    }

    static List<OrgUnit> sort(List<OrgUnit> units) {
        Map<UUID, List<OrgUnit>> children = units.stream()
            .filter(u -> u.parentId() != null)
            .collect(Collectors.groupingBy(OrgUnit::parentId));
        var ids = units.stream().map(OrgUnit::id).collect(Collectors.toSet());
        List<OrgUnit> result = new ArrayList<>(units.size());
        units.stream()
            .filter(u -> u.parentId() == null || !ids.contains(u.parentId()))
            .sorted(BY_SORT)
            .forEach(root -> visit(root, children, result));
        return result;
    }

    private static final Comparator<OrgUnit> BY_SORT = Comparator.comparingInt(OrgUnit::sort)
        .thenComparing(OrgUnit::name);

    private static void visit(OrgUnit unit, Map<UUID, List<OrgUnit>> children, List<OrgUnit> out) {
        out.add(unit);
        children.getOrDefault(unit.id(), List.of()).stream().sorted(BY_SORT).forEach(c -> visit(c, children, out));
    }

}

package org.duban.organization;

import java.util.UUID;

/**
 * A unit of the org tree. {@code path} lists the ids from the root down to this unit, so
 * "this unit and everything below it" is a prefix match.
 */
public record OrgUnit(UUID id, UUID parentId, String path, String code, String name, UnitKind kind, int sort,
        long version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }

    static String childPath(String parentPath, UUID id) {
        return (parentPath == null ? "/" : parentPath) + id + "/";
    }
}

package org.duban.organization;

import java.util.Set;
import java.util.UUID;

/**
 * The org units whose records a user may see. Every query that lists or loads scoped
 * records takes one of these as an explicit parameter (typically
 * {@code unit_id = any(:units)}); nothing splices it in behind the scenes.
 *
 * @param unitIds the visible units
 * @param ownPath the materialised path of the user's own unit, to find campaigns issued
 * by an ancestor
 */
public record DataScope(Set<UUID> unitIds, String ownPath) {

    public boolean includes(UUID unitId) {
        return unitId != null && unitIds.contains(unitId);
    }

    /** For SQL: {@code = any(:units)} wants an array. */
    public UUID[] unitArray() {
        return unitIds.toArray(UUID[]::new);
    }
}

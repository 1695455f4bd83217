package org.duban.audit;

import java.util.Map;

/**
 * A change of state worth recording. Modules publish it in the transaction of the change;
 * the audit trail writes it in that same transaction, so a change and its record are
 * committed or rolled back together.
 *
 * @param action what happened, as a dotted code ({@code campaign.updated})
 * @param oldValues the changed fields before (empty for a creation)
 * @param newValues the changed fields after
 */
public record AuditEvent(String action, String objectType, String objectId, Map<String, ?> oldValues,
        Map<String, ?> newValues) {

    public static AuditEvent of(String action, String objectType, Object objectId) {
        return new AuditEvent(action, objectType, String.valueOf(objectId), Map.of(), Map.of());
    }

    public static AuditEvent change(String action, String objectType, Object objectId, Map<String, ?> oldValues,
            Map<String, ?> newValues) {
        return new AuditEvent(action, objectType, String.valueOf(objectId), oldValues, newValues);
    }
}

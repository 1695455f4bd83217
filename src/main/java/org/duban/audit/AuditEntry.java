package org.duban.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One row of the operation log, as shown to auditors. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String objectType, String objectId,
        String oldValues, String newValues, String outcome, String prevHash, String hash) {

    /** The time of the entry as read on a clock in the given zone, to the second. */
    public java.time.LocalDateTime localTime(java.time.ZoneId zone) {
        return java.time.LocalDateTime.ofInstant(occurredAt, zone).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** One field of a change: its value before and after ("" where there was none). */
    public record FieldChange(String field, String before, String after) {
    }

    /**
     * The change field by field, old → new, read from the JSON of both sides (in the
     * order the fields were written); a side that is not a JSON object is shown whole
     * under an empty field name.
     */
    public List<FieldChange> changes() {
        Map<String, Object> before = fields(oldValues);
        Map<String, Object> after = fields(newValues);
        if (before == null || after == null) {
            return List.of(new FieldChange("", text(oldValues), text(newValues)));
        }
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            changes.add(new FieldChange(name, text(before.get(name)), text(after.get(name))));
        }
        return changes;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return Map.of();
        }
        try {
            Object value = JSON.readValue(json, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        }
        catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    static AuditEntry from(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("old_values"), rs.getString("new_values"), rs.getString("outcome"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}

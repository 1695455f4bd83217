package org.duban.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of the operation log, as shown to auditors. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String objectType,
                         String objectId, String oldValues, String newValues, String outcome, String prevHash,
                         String hash) {

    /** The time of the entry as read on a clock in the given zone, to the second. */
    public java.time.LocalDateTime localTime(java.time.ZoneId zone) {
        return java.time.LocalDateTime.ofInstant(occurredAt, zone).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static AuditEntry from(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("old_values"), rs.getString("new_values"), rs.getString("outcome"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}

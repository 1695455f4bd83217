package org.duban.audit;

import org.duban.shared.Sha256;
import org.duban.security.CurrentUser;
import org.duban.security.LoginAttempted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Appends entries to the hash-chained operation log and verifies the chain. */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs inside the publisher's transaction (MANDATORY would refuse events published outside one). */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditEvent event) {
        append(CurrentUser.actor(), event.action(), event.objectType(), event.objectId(),
                toJson(event.oldValues()), toJson(event.newValues()), "SUCCESS");
    }

    @EventListener
    @Transactional
    public void on(LoginAttempted event) {
        append(event.login(), event.succeeded() ? "security.login" : "security.loginFailed",
                "staff", event.login(), null, null, event.succeeded() ? "SUCCESS" : "FAILURE");
    }

    void append(String actor, String action, String objectType, String objectId,
                String oldValues, String newValues, String outcome) {
        // One writer at a time extends the chain; the lock ends with the transaction.
        jdbc.sql("select pg_advisory_xact_lock(7171001)").query().singleRow();
        Optional<Map<String, Object>> last = jdbc.sql("select seq, hash from audit_log order by seq desc limit 1")
                .query().listOfRows().stream().findFirst();
        long seq = last.map(row -> ((Number) row.get("seq")).longValue() + 1).orElse(1L);
        String prevHash = last.map(row -> (String) row.get("hash")).orElse(GENESIS);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(seq, at, truncate(actor, 100), action, objectType, truncate(objectId, 80),
                oldValues, newValues, outcome, prevHash, null);
        String hash = hashOf(entry);
        jdbc.sql("""
                insert into audit_log (seq, occurred_at, actor, action, object_type, object_id, old_values, new_values,
                                       outcome, prev_hash, hash)
                values (:seq, :at, :actor, :action, :objectType, :objectId, :oldValues, :newValues, :outcome, :prevHash, :hash)
                """)
                .param("seq", seq).param("at", Timestamp.from(at)).param("actor", entry.actor())
                .param("action", action).param("objectType", objectType).param("objectId", entry.objectId())
                .param("oldValues", oldValues).param("newValues", newValues).param("outcome", outcome)
                .param("prevHash", prevHash).param("hash", hash)
                .update();
    }

    /**
     * Walks the chain from the first entry and returns the sequence number of the first entry whose content or
     * link does not match, or empty when the whole chain is intact. A deleted row shows as a gap in the numbers.
     */
    @Transactional(readOnly = true)
    public Optional<Long> firstBrokenLink() {
        String[] expectedPrev = {GENESIS};
        long[] expectedSeq = {1};
        Long[] broken = {null};
        jdbc.sql("select * from audit_log order by seq").query((java.sql.ResultSet rs) -> {
            if (broken[0] != null) {
                return;
            }
            AuditEntry entry = AuditEntry.from(rs);
            if (entry.seq() != expectedSeq[0] || !entry.prevHash().equals(expectedPrev[0])
                    || !hashOf(entry).equals(entry.hash())) {
                broken[0] = entry.seq();
                return;
            }
            expectedPrev[0] = entry.hash();
            expectedSeq[0] = entry.seq() + 1;
        });
        return Optional.ofNullable(broken[0]);
    }

    static String hashOf(AuditEntry e) {
        String content = String.join("\u001f", String.valueOf(e.seq()), e.occurredAt().toString(), e.actor(),
                e.action(), nz(e.objectType()), nz(e.objectId()), nz(e.oldValues()), nz(e.newValues()), e.outcome(),
                e.prevHash());
        return Sha256.hex(content);
    }

    private String toJson(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        // Sorted keys: the same values always give the same text, hence the same hash.
        return json.writeValueAsString(new TreeMap<>(values));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

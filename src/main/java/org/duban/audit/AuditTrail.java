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

/**
 * Appends entries to the hash-chained operation log and verifies the chain. An entry is written in the
 * transaction of the change it records, without any lock; {@link AuditSealer} chains it once it is committed.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AuditSealer sealer;

    AuditTrail(JdbcClient jdbc, Clock clock, AuditSealer sealer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealer = sealer;
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
        // No lock: the entry gets its number from a sequence and is chained later by the sealer (AuditSealer).
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, action, object_type, object_id, old_values, new_values, outcome)
                values (:at, :actor, :action, :objectType, :objectId, :oldValues, :newValues, :outcome)
                """)
                .param("at", Timestamp.from(at)).param("actor", truncate(actor, 100))
                .param("action", action).param("objectType", objectType).param("objectId", truncate(objectId, 80))
                .param("oldValues", oldValues).param("newValues", newValues).param("outcome", outcome)
                .update();
        sealer.sealAfterCommit();
    }

    /**
     * Walks the chain from its first entry and returns the sequence number of the first entry whose content or
     * link does not match, or empty when the sealed chain is intact. A deleted entry shows as a break at the
     * entry that followed it in the chain. Entries not yet sealed are not part of the walk ({@link #verify()}
     * counts them).
     */
    @Transactional(readOnly = true)
    public Optional<Long> firstBrokenLink() {
        String[] expectedPrev = {GENESIS};
        long[] expectedPos = {1};
        Long[] broken = {null};
        jdbc.sql("select * from audit_log where chain_pos is not null order by chain_pos").query((java.sql.ResultSet rs) -> {
            if (broken[0] != null) {
                return;
            }
            AuditEntry entry = AuditEntry.from(rs);
            if (rs.getLong("chain_pos") != expectedPos[0] || !entry.prevHash().equals(expectedPrev[0])
                    || !hashOf(entry).equals(entry.hash())) {
                broken[0] = entry.seq();
                return;
            }
            expectedPrev[0] = entry.hash();
            expectedPos[0]++;
        });
        return Optional.ofNullable(broken[0]);
    }

    /** The outcome of a verification: the first broken entry if any, and how many entries were checked or not. */
    public record Verification(Optional<Long> firstBroken, long sealed, long unsealed) {
    }

    /**
     * Verifies the sealed chain and counts the entries that were committed but not yet sealed (written in the
     * last moments, or left by an instance that stopped before sealing them; the sealer takes them in its next
     * round).
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Optional<Long> broken = firstBrokenLink();
        Map<String, Object> counts = jdbc.sql("""
                select count(*) filter (where chain_pos is not null) as sealed,
                       count(*) filter (where chain_pos is null) as unsealed
                from audit_log
                """).query().singleRow();
        return new Verification(broken, ((Number) counts.get("sealed")).longValue(),
                ((Number) counts.get("unsealed")).longValue());
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

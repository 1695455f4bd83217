package org.duban.audit;

import org.duban.shared.Sha256;
import org.duban.security.CurrentUser;
import org.duban.security.LoginAttempted;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Appends entries to the hash-chained operation log and verifies the chain. An entry is
 * written in the transaction of the change it records, without any lock;
 * {@link AuditSealer} chains it once it is committed.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;

    private final Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    private final AuditSealer sealer;

    private final AuditKey key;

    private final AuditAnchors anchors;

    /**
     * With the development key and no anchors (the migration test builds one by hand).
     */
    AuditTrail(JdbcClient jdbc, Clock clock, AuditSealer sealer) {
        this(jdbc, clock, sealer, AuditKey.development(), AuditAnchors.none());
    }

    @Autowired
    AuditTrail(JdbcClient jdbc, Clock clock, AuditSealer sealer, AuditKey key, AuditAnchors anchors) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealer = sealer;
        this.key = key;
        this.anchors = anchors;
    }

    /**
     * Runs inside the publisher's transaction (MANDATORY would refuse events published
     * outside one).
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditEvent event) {
        append(CurrentUser.actor(), event.action(), event.objectType(), event.objectId(), toJson(event.oldValues()),
                toJson(event.newValues()), "SUCCESS");
    }

    @EventListener
    @Transactional
    public void on(LoginAttempted event) {
        append(event.login(), event.succeeded() ? "security.login" : "security.loginFailed", "staff", event.login(),
                null, null, event.succeeded() ? "SUCCESS" : "FAILURE");
    }

    void append(String actor, String action, String objectType, String objectId, String oldValues, String newValues,
            String outcome) {
        // No lock: the entry gets its number from a sequence and is chained later by the
        // sealer (AuditSealer).
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = jdbc.sql("select nextval('audit_log_seq')").query(Long.class).single();
        AuditEntry entry = new AuditEntry(seq, at, truncate(actor, 100), action, objectType, truncate(objectId, 80),
                oldValues, newValues, outcome, null, null);
        jdbc.sql("""
                insert into audit_log (seq, occurred_at, actor, action, object_type, object_id, old_values, new_values,
                                       outcome, entry_mac)
                values (:seq, :at, :actor, :action, :objectType, :objectId, :oldValues, :newValues, :outcome, :mac)
                """)
            .param("seq", seq)
            .param("at", Timestamp.from(at))
            .param("actor", entry.actor())
            .param("action", action)
            .param("objectType", objectType)
            .param("objectId", entry.objectId())
            .param("oldValues", oldValues)
            .param("newValues", newValues)
            .param("outcome", outcome)
            .param("mac", entryMac(entry))
            .update();
        sealer.sealAfterCommit();
    }

    /**
     * Walks the chain from its first entry and returns the sequence number of the first
     * entry whose content, link or MAC does not match, or empty when the sealed chain is
     * intact. A deleted entry shows as a break at the entry that followed it in the
     * chain. Entries not yet sealed are not part of the walk ({@link #verify()} checks
     * them).
     */
    @Transactional(readOnly = true)
    public Optional<Long> firstBrokenLink() {
        return verify().firstBroken();
    }

    /**
     * The outcome of a verification: the first broken entry if any, how many entries were
     * checked or not, and every problem found (broken link, missing or wrong MAC, a
     * missing anchored head), each as a kind and a detail.
     */
    public record Verification(Optional<Long> firstBroken, long sealed, long unsealed, List<Problem> problems) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * One problem of the chain: {@code BROKEN_LINK}, {@code BAD_MAC},
     * {@code UNKEYED_ENTRY} or {@code TRUNCATED}.
     */
    public record Problem(String kind, String detail) {
    }

    /**
     * Verifies the sealed chain (links, hashes, and from the keyed part on the MACs), the
     * entries not yet sealed (written by the application, hence with a valid entry MAC),
     * and the last anchored head (still there, with the MAC recorded outside the
     * database: a truncated tail or a rewritten chain does not match it). Counts the
     * entries committed but not yet sealed.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Map<String, Object> keying = jdbc.sql("select keyed_from_seq, keyed_after_pos from audit_keying")
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElse(Map.of("keyed_from_seq", 1L, "keyed_after_pos", 0L));
        long keyedFromSeq = ((Number) keying.get("keyed_from_seq")).longValue();
        long keyedAfterPos = ((Number) keying.get("keyed_after_pos")).longValue();
        List<Problem> problems = new ArrayList<>();
        String[] expectedPrev = { GENESIS };
        long[] expectedPos = { 1 };
        Long[] broken = { null };
        long[] sealed = { 0 };
        jdbc.sql("select * from audit_log where chain_pos is not null order by chain_pos")
            .query((java.sql.ResultSet rs) -> {
                sealed[0]++;
                AuditEntry entry = AuditEntry.from(rs);
                long position = rs.getLong("chain_pos");
                String problem = null;
                if (position != expectedPos[0] || !entry.prevHash().equals(expectedPrev[0])
                        || !hashOf(entry).equals(entry.hash())) {
                    problem = "BROKEN_LINK";
                }
                else if (entry.seq() >= keyedFromSeq && !AuditKey.same(entryMac(entry), rs.getString("entry_mac"))) {
                    problem = "UNKEYED_ENTRY";
                }
                else if (position > keyedAfterPos
                        && !AuditKey.same(key.mac(String.valueOf(position), entry.hash()), rs.getString("mac"))) {
                    problem = "BAD_MAC";
                }
                if (problem != null) {
                    problems.add(new Problem(problem, "seq " + entry.seq() + ", chain position " + position));
                    if (broken[0] == null) {
                        broken[0] = entry.seq();
                    }
                }
                expectedPrev[0] = entry.hash();
                expectedPos[0] = position + 1;
            });
        long[] unsealed = { 0 };
        jdbc.sql("select * from audit_log where chain_pos is null order by seq").query((java.sql.ResultSet rs) -> {
            unsealed[0]++;
            AuditEntry entry = AuditEntry.from(rs);
            if (entry.seq() >= keyedFromSeq && !AuditKey.same(entryMac(entry), rs.getString("entry_mac"))) {
                problems.add(new Problem("UNKEYED_ENTRY", "seq " + entry.seq() + ", not yet sealed"));
            }
        });
        anchors.last().ifPresent(anchor -> {
            String mac = jdbc.sql("select mac from audit_log where chain_pos = :pos")
                .param("pos", anchor.position())
                .query(String.class)
                .optional()
                .orElse(null);
            if (!AuditKey.same(anchor.mac(), mac)) {
                problems.add(new Problem("TRUNCATED", "anchored head at chain position " + anchor.position() + " of "
                        + anchor.day() + (mac == null ? " is missing" : " differs")));
            }
        });
        return new Verification(Optional.ofNullable(broken[0]), sealed[0], unsealed[0], List.copyOf(problems));
    }

    /**
     * The newest sealed entry's chain position and MAC, as anchored outside the database.
     */
    @Transactional(readOnly = true)
    public Optional<AuditAnchors.Anchor> head(java.time.LocalDate day) {
        return jdbc
            .sql("select chain_pos, mac from audit_log where chain_pos is not null order by chain_pos desc limit 1")
            .query((rs, n) -> new AuditAnchors.Anchor(day, rs.getLong("chain_pos"), rs.getString("mac")))
            .optional()
            .filter(anchor -> anchor.mac() != null);
    }

    private String entryMac(AuditEntry e) {
        return key.mac(String.valueOf(e.seq()), e.occurredAt().toString(), e.actor(), e.action(), nz(e.objectType()),
                nz(e.objectId()), nz(e.oldValues()), nz(e.newValues()), e.outcome());
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

package org.duban.audit;

import org.duban.shared.BureauClock;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed and anchored audit chain against someone who can write the table (a database
 * superuser, triggers off) but does not hold the chain key: an edited row, a deleted
 * middle row, a deleted tail, a forged insert and a replayed row are each found, even
 * when the attacker recomputes the unkeyed hash chain to hide them. Every tampering
 * happens in a transaction that is rolled back.
 */
@DubanTest
class AuditChainKeyedTest {

    @Autowired
    BureauClock bureauClock;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditKey key;

    @Autowired
    AuditAlarms alarms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ObjectProvider<JavaMailSender> mail;

    @Test
    void anEditedRowIsFoundEvenWithTheHashChainRecomputed() {
        tampered(() -> {
            long position = headPosition() - 2;
            withoutTrigger("update audit_log set new_values = '{\"name\":\"forged\"}' where chain_pos = :p", position);
            rehashFrom(position);
            assertThat(kinds()).contains("UNKEYED_ENTRY");
        });
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aDeletedMiddleRowIsFoundEvenWithTheChainRenumberedAndRehashed() {
        tampered(() -> {
            long position = headPosition() - 3;
            withoutTrigger("delete from audit_log where chain_pos = :p", position);
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
            jdbc.sql("alter table audit_log drop constraint audit_log_chain_pos_key").update();
            jdbc.sql("update audit_log set chain_pos = chain_pos - 1 where chain_pos > :p")
                .param("p", position)
                .update();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
            rehashFrom(position);
            assertThat(kinds()).contains("BAD_MAC");
        });
    }

    @Test
    void aDeletedTailIsFoundByTheAnchorOutsideTheDatabase(@TempDir Path dir) throws Exception {
        sealer.sealNow();
        AuditAnchors anchors = new AuditAnchors(dir.resolve("anchors.log").toString());
        AuditTrail anchored = new AuditTrail(jdbc, Clock.systemUTC(), sealer, key, anchors);
        AuditWatch watch = new AuditWatch(sealer, anchored, anchors, alarms, mail, bureauClock, "", "duban@localhost");

        assertThat(watch.check().intact()).isTrue();
        String line = Files.readString(dir.resolve("anchors.log"), StandardCharsets.UTF_8);
        assertThat(line).startsWith(LocalDate.now(Clock.systemUTC()).getYear() + "-")
            .contains(" " + headPosition() + " ");

        tampered(() -> {
            // Without the anchor nothing shows: the shorter chain is a valid chain.
            withoutTrigger("delete from audit_log where chain_pos >= :p", headPosition() - 1);
            assertThat(trail.verify().intact()).isTrue();
            assertThat(anchored.verify().problems()).extracting(AuditTrail.Problem::kind).containsExactly("TRUNCATED");
        });
    }

    @Test
    void aForgedInsertIsFound() {
        tampered(() -> {
            jdbc.sql("""
                    insert into audit_log (occurred_at, actor, action, object_type, object_id, outcome)
                    values (now(), 'admin', 'organization.staff.created', 'staff', 'forged', 'SUCCESS')
                    """).update();
            assertThat(kinds()).containsExactly("UNKEYED_ENTRY");
        });
    }

    @Test
    void aReplayedRowIsFound() {
        tampered(() -> {
            // A copy of a real entry, MAC and all, under a new number.
            jdbc.sql(
                    """
                            insert into audit_log (occurred_at, actor, action, object_type, object_id, old_values, new_values,
                                                   outcome, entry_mac)
                            select occurred_at, actor, action, object_type, object_id, old_values, new_values, outcome, entry_mac
                            from audit_log where chain_pos = (select max(chain_pos) from audit_log)
                            """)
                .update();
            assertThat(kinds()).containsExactly("UNKEYED_ENTRY");
        });
    }

    @Test
    void aBrokenChainRaisesAnAlarmAndIsNotAnchored(@TempDir Path dir) {
        AuditAnchors anchors = new AuditAnchors(dir.resolve("anchors.log").toString());
        AuditTrail anchored = new AuditTrail(jdbc, Clock.systemUTC(), sealer, key, anchors);
        AuditWatch watch = new AuditWatch(sealer, anchored, anchors, alarms, mail, bureauClock, "", "duban@localhost");
        long before = jdbc.sql("select count(*) from audit_alarm").query(Long.class).single();
        try {
            tampered(() -> {
                jdbc.sql("""
                        insert into audit_log (occurred_at, actor, action, object_type, object_id, outcome)
                        values (now(), 'x', 'forged', 'staff', 'forged', 'SUCCESS')
                        """).update();
                AuditTrail.Verification verification = watch.check();
                assertThat(verification.intact()).isFalse();
            });
            assertThat(jdbc.sql("select count(*) from audit_alarm").query(Long.class).single()).isEqualTo(before + 1);
            assertThat(Files.exists(dir.resolve("anchors.log"))).isFalse();
        }
        finally {
            jdbc.sql("delete from audit_alarm where detail like '%not yet sealed%'").update();
        }
    }

    private void tampered(Runnable tampering) {
        tx.executeWithoutResult(status -> {
            tampering.run();
            status.setRollbackOnly();
        });
    }

    private List<String> kinds() {
        return trail.verify().problems().stream().map(AuditTrail.Problem::kind).distinct().toList();
    }

    private long headPosition() {
        return jdbc.sql("select max(chain_pos) from audit_log").query(Long.class).single();
    }

    private void withoutTrigger(String sql, long position) {
        jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
        jdbc.sql(sql).param("p", position).update();
        jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
    }

    /**
     * What an attacker without the key can do: recompute the unkeyed SHA-256 chain from a
     * position on.
     */
    private void rehashFrom(long position) {
        jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
        String prev = jdbc.sql("select hash from audit_log where chain_pos = :p")
            .param("p", position - 1)
            .query(String.class)
            .single();
        List<Map<String, Object>> rows = jdbc.sql("select seq from audit_log where chain_pos >= :p order by chain_pos")
            .param("p", position)
            .query()
            .listOfRows();
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            AuditEntry e = jdbc.sql("select * from audit_log where seq = :s")
                .param("s", seq)
                .query((rs, n) -> AuditEntry.from(rs))
                .single();
            AuditEntry relinked = new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.objectType(),
                    e.objectId(), e.oldValues(), e.newValues(), e.outcome(), prev, null);
            String hash = AuditTrail.hashOf(relinked);
            jdbc.sql("update audit_log set prev_hash = :prev, hash = :hash where seq = :s")
                .param("prev", prev)
                .param("hash", hash)
                .param("s", seq)
                .update();
            prev = hash;
        }
        jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
        assertThat(kinds()).as("the unkeyed chain alone no longer shows the tampering").doesNotContain("BROKEN_LINK");
    }

}

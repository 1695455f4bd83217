package org.duban.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V21 on a database that already holds a chain written the old way (under the global
 * lock, numbered 1, 2, 3 …): the old entries keep their hashes and become chain positions
 * 1, 2, 3 …, new entries are numbered after them and sealed onto the end of the same
 * chain.
 */
class AuditSealingMigrationTest {

    @Test
    void anOldChainStaysIntactAndNewEntriesAreSealedOntoIt() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            DataSource ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("20").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            String prev = AuditTrail.GENESIS;
            for (long seq = 1; seq <= 5; seq++) {
                Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                AuditEntry e = new AuditEntry(seq, at, "old", "test.old", "test", String.valueOf(seq), null,
                        "{\"n\":" + seq + "}", "SUCCESS", prev, null);
                String hash = AuditTrail.hashOf(e);
                jdbc.sql("""
                        insert into audit_log (seq, occurred_at, actor, action, object_type, object_id, old_values,
                                               new_values, outcome, prev_hash, hash)
                        values (:seq, :at, 'old', 'test.old', 'test', :id, null, :nv, 'SUCCESS', :prev, :hash)
                        """)
                    .param("seq", seq)
                    .param("at", Timestamp.from(at))
                    .param("id", String.valueOf(seq))
                    .param("nv", e.newValues())
                    .param("prev", prev)
                    .param("hash", hash)
                    .update();
                prev = hash;
            }

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
            AuditSealer sealer = new AuditSealer(jdbc, new JdbcTemplate(ds), transactions);
            AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC(), sealer);
            assertThat(jdbc.sql("select count(*) from audit_log where chain_pos = seq").query(Long.class).single())
                .isEqualTo(5);
            new TransactionTemplate(transactions)
                .executeWithoutResult(status -> trail.append("new", "test.new", "test", "6", null, null, "SUCCESS"));
            assertThat(trail.verify().unsealed()).isEqualTo(1);
            sealer.sealNow();
            AuditTrail.Verification verification = trail.verify();
            assertThat(verification.firstBroken()).isEmpty();
            assertThat(verification.sealed()).isEqualTo(6);
            assertThat(verification.unsealed()).isZero();
            assertThat(jdbc.sql("select seq from audit_log where chain_pos = 6").query(Long.class).single())
                .isEqualTo(6);
        }
    }

}

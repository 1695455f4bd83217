package org.duban.audit;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DubanTest
class AuditChainTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditSealer sealer;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDemonstrationDataLeftAnIntactChain() {
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isGreaterThan(10);
        assertThat(trail.firstBrokenLink()).isEmpty();
    }

    @Test
    void theApplicationCannotUpdateOrDeleteEntries() {
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'x' where seq = 1").update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = 1").update())
            .hasMessageContaining("append-only");
    }

    @Test
    void aRowChangedWithPlainSqlIsFoundByVerification() {
        tx.executeWithoutResult(status -> {
            long target = jdbc.sql("select min(seq) + 3 from audit_log").query(Long.class).single();
            // A database superuser can switch the trigger off; the hash chain still
            // exposes the edit.
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
            jdbc.sql("update audit_log set new_values = '{\"name\":\"forged\"}' where seq = :seq")
                .param("seq", target)
                .update();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
            assertThat(trail.firstBrokenLink()).contains(target);
            status.setRollbackOnly();
        });
        assertThat(trail.firstBrokenLink()).isEmpty();
    }

    @Test
    void aDeletedRowIsFoundByVerification() {
        tx.executeWithoutResult(status -> {
            long target = jdbc.sql("select min(seq) + 5 from audit_log").query(Long.class).single();
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
            jdbc.sql("delete from audit_log where seq = :seq").param("seq", target).update();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
            assertThat(trail.firstBrokenLink()).contains(target + 1);
            status.setRollbackOnly();
        });
    }

    @Test
    void entriesArriveWithoutAHashAndTheSealerChainsThemOnceCommitted() {
        long seq = tx.execute(status -> {
            trail.append("chain-test", "test.unsealed", "test", "1", null, null, "SUCCESS");
            return jdbc.sql("select max(seq) from audit_log where actor = 'chain-test'").query(Long.class).single();
        });
        sealer.sealNow();
        assertThat(jdbc.sql("select chain_pos is not null and hash is not null from audit_log where seq = :seq")
            .param("seq", seq)
            .query(Boolean.class)
            .single()).isTrue();
        assertThat(trail.verify().firstBroken()).isEmpty();
        assertThat(trail.verify().unsealed()).isZero();
    }

    @Test
    void anEntryThatCommitsAfterALaterNumberedOneIsSealedAfterItAndTheChainStaysIntact() {
        // The first transaction takes a number and stays open while a second one takes
        // the next number, commits
        // and is sealed: the chain is in the order of sealing, so the late entry simply
        // follows.
        TransactionStatus slow = transactions
            .getTransaction(new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        trail.append("chain-test", "test.slow", "test", "slow", null, null, "SUCCESS");
        long slowSeq = jdbc.sql("select max(seq) from audit_log where action = 'test.slow'").query(Long.class).single();
        long fastSeq = runElsewhere(() -> tx.execute(status -> {
            trail.append("chain-test", "test.fast", "test", "fast", null, null, "SUCCESS");
            return jdbc.sql("select max(seq) from audit_log where action = 'test.fast'").query(Long.class).single();
        }));
        runElsewhere(sealer::sealNow);
        transactions.commit(slow);
        sealer.sealNow();
        assertThat(fastSeq).isGreaterThan(slowSeq);
        long slowPos = jdbc.sql("select chain_pos from audit_log where seq = :s")
            .param("s", slowSeq)
            .query(Long.class)
            .single();
        long fastPos = jdbc.sql("select chain_pos from audit_log where seq = :s")
            .param("s", fastSeq)
            .query(Long.class)
            .single();
        assertThat(slowPos).isGreaterThan(fastPos);
        assertThat(trail.firstBrokenLink()).isEmpty();
    }

    @Test
    void entriesWrittenInParallelFormOneIntactChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writers.add(pool.submit(() -> tx.executeWithoutResult(status -> trail.append("chain-test",
                        "test.parallel", "test", String.valueOf(n), null, "{\"n\":" + n + "}", "SUCCESS"))));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        finally {
            pool.shutdown();
        }
        sealer.sealNow();
        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.firstBroken()).isEmpty();
        assertThat(verification.unsealed()).isZero();
        assertThat(jdbc.sql("select count(distinct chain_pos) from audit_log where action = 'test.parallel'")
            .query(Long.class)
            .single()).isEqualTo(200);
    }

    @Test
    void onlyTheSealingOfAnUnsealedEntryIsAllowedAndNothingElse() {
        tx.executeWithoutResult(status -> {
            trail.append("chain-test", "test.reseal", "test", "1", null, null, "SUCCESS");
            long seq = jdbc.sql("select max(seq) from audit_log where action = 'test.reseal'")
                .query(Long.class)
                .single();
            // Unsealed: its content cannot change either, and it cannot be deleted.
            Object beforeUpdate = status.createSavepoint();
            assertThatThrownBy(
                    () -> jdbc.sql("update audit_log set actor = 'x' where seq = :s").param("s", seq).update())
                .hasMessageContaining("append-only");
            status.rollbackToSavepoint(beforeUpdate);
            assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = :s").param("s", seq).update())
                .hasMessageContaining("append-only");
            status.setRollbackOnly();
        });
        // A sealed entry cannot be sealed again under another position or hash.
        assertThatThrownBy(() -> jdbc.sql(
                "update audit_log set chain_pos = chain_pos + 1000000, hash = repeat('1', 64) where seq = (select min(seq) from audit_log)")
            .update()).hasMessageContaining("append-only");
    }

    private static <T> T runElsewhere(java.util.concurrent.Callable<T> work) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        finally {
            thread.shutdown();
        }
    }

}

package org.duban.audit;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

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
            // A database superuser can switch the trigger off; the hash chain still exposes the edit.
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
            jdbc.sql("update audit_log set new_values = '{\"name\":\"forged\"}' where seq = :seq").param("seq", target).update();
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
}

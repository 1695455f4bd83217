package org.duban.organization;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DubanTest
class ProductionGuardTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theProductionProfileRefusesToStartWhileADemonstrationAccountExists() {
        assertThatThrownBy(() -> new ProductionGuard(jdbc).afterPropertiesSet())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("demonstration account");
    }

    @Test
    void withoutDemonstrationAccountsTheProductionProfileStarts() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update staff set demo = false").update();
            assertThatCode(() -> new ProductionGuard(jdbc).afterPropertiesSet()).doesNotThrowAnyException();
            status.setRollbackOnly();
        });
    }

}

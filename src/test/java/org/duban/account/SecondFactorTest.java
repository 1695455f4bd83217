package org.duban.account;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factor's own rules: confirmation once, each step's code once. */
class SecondFactorTest {

    private static final Instant NOW = Instant.parse("2023-03-01T01:00:00Z");

    private final SecondFactor pending = new SecondFactor(UUID.randomUUID(), new byte[] { 1 }, null, 0, 0);

    @Test
    void theFirstRightCodeConfirmsTheEnrolment() {
        assertThatThrownBy(() -> pending.confirm(OptionalLong.empty(), NOW)).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageStartingWith("account.code.wrong");
        assertThat(pending.confirmed()).isFalse();

        pending.confirm(OptionalLong.of(100), NOW);
        assertThat(pending.confirmed()).isTrue();
        assertThat(pending.lastUsedStep()).isEqualTo(100);
        assertThatThrownBy(() -> pending.confirm(OptionalLong.of(101), NOW))
            .hasMessageStartingWith("account.secondFactor.alreadyEnrolled");
    }

    @Test
    void aStepsCodeIsAcceptedOnceAndNoOlderOneAfterIt() {
        assertThatThrownBy(() -> pending.accept(OptionalLong.of(5)))
            .hasMessageStartingWith("account.secondFactor.notEnrolled");
        pending.confirm(OptionalLong.of(100), NOW);

        assertThatThrownBy(() -> pending.accept(OptionalLong.of(100))).hasMessageStartingWith("account.code.replayed");
        assertThatThrownBy(() -> pending.accept(OptionalLong.of(99))).hasMessageStartingWith("account.code.replayed");
        pending.accept(OptionalLong.of(101));
        assertThat(pending.lastUsedStep()).isEqualTo(101);
        assertThatThrownBy(() -> pending.accept(OptionalLong.empty())).hasMessageStartingWith("account.code.wrong");
    }

    @Test
    void onlyAdministratorsMustKeepTheirs() {
        SecondFactor.requireMayDisable(false);
        assertThatThrownBy(() -> SecondFactor.requireMayDisable(true))
            .hasMessageStartingWith("account.secondFactor.requiredForAdministrators");
    }

}

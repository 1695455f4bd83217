package org.duban.ledger;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition of the problem life cycle, and the refusal of every illegal one. */
class ProblemTest {

    static final LocalDate TODAY = LocalDate.of(2023, 4, 3);

    static Problem in(ProblemStatus status) {
        return new Problem(UUID.randomUUID(), "DB-2023-00001", null, ProblemSource.COMPLAINT, null,
                ProblemCategory.IRREGULAR, null, UUID.randomUUID(), null, "d", TODAY, false, status, null, null, null,
                null, LocalDate.of(2023, 4, 10), null, 0, 3, "workteam", null, null, null, null);
    }

    static void refusedUnless(ProblemStatus allowed, ProblemStatus actual, Consumer<Problem> action) {
        if (actual == allowed) {
            action.accept(in(actual));
        }
        else {
            assertThatThrownBy(() -> action.accept(in(actual))).isInstanceOf(BusinessRuleViolation.class);
        }
    }

    @Test
    void assignSetsTheUnitAndTheTimeLimit() {
        UUID unit = UUID.randomUUID();
        Problem.Change c = in(ProblemStatus.REGISTERED).assign(unit, 10, LocalDate.of(2023, 4, 18), TODAY, "workteam");
        assertThat(c.to()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(c.values()).containsEntry(Problem.Field.ASSIGNED_UNIT, unit)
            .containsEntry(Problem.Field.TIME_LIMIT, 10)
            .containsEntry(Problem.Field.DUE_ON, LocalDate.of(2023, 4, 18))
            .containsEntry(Problem.Field.ASSIGNED_ON, TODAY)
            .containsEntry(Problem.Field.ASSIGNED_BY, "workteam");
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void assignOnlyFromRegistered(ProblemStatus s) {
        refusedUnless(ProblemStatus.REGISTERED, s, p -> p.assign(UUID.randomUUID(), 5, TODAY, TODAY, "x"));
    }

    @Test
    void assignNeedsAUnitAndASensibleLimit() {
        Problem p = in(ProblemStatus.REGISTERED);
        assertThatThrownBy(() -> p.assign(null, 5, TODAY, TODAY, "x")).hasMessageContaining("unitRequired");
        assertThatThrownBy(() -> p.assign(UUID.randomUUID(), 0, TODAY, TODAY, "x")).hasMessageContaining("limitRange");
        assertThatThrownBy(() -> p.assign(UUID.randomUUID(), 91, TODAY, TODAY, "x")).hasMessageContaining("limitRange");
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void verificationOnlyFromAssigned(ProblemStatus s) {
        refusedUnless(ProblemStatus.ASSIGNED, s, Problem::startVerification);
        if (s == ProblemStatus.ASSIGNED) {
            assertThat(in(s).startVerification().to()).isEqualTo(ProblemStatus.VERIFYING);
        }
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void confirmAndDismissOnlyDuringVerification(ProblemStatus s) {
        refusedUnless(ProblemStatus.VERIFYING, s, p -> p.confirm("seen in the case file"));
        refusedUnless(ProblemStatus.VERIFYING, s, p -> p.dismiss("no evidence"));
    }

    @Test
    void aDecisionNeedsReasons() {
        Problem p = in(ProblemStatus.VERIFYING);
        assertThatThrownBy(() -> p.confirm(" ")).hasMessageContaining("problem.reasonRequired");
        assertThatThrownBy(() -> p.dismiss(null)).hasMessageContaining("problem.reasonRequired");
        assertThat(p.confirm("fined twice").to()).isEqualTo(ProblemStatus.CONFIRMED);
        assertThat(p.dismiss("no such case").to()).isEqualTo(ProblemStatus.UNFOUNDED);
        assertThat(p.dismiss("no such case").values()).containsEntry(Problem.Field.FINDING, "no such case");
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void rectificationStartsOnlyWhenConfirmed(ProblemStatus s) {
        refusedUnless(ProblemStatus.CONFIRMED, s, p -> p.startRectification(true));
    }

    @Test
    void rectificationNeedsAPlan() {
        assertThatThrownBy(() -> in(ProblemStatus.CONFIRMED).startRectification(false))
            .hasMessageContaining("planRequired");
        assertThat(in(ProblemStatus.CONFIRMED).startRectification(true).to()).isEqualTo(ProblemStatus.RECTIFYING);
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void rectifiedOnlyWhileRectifying(ProblemStatus s) {
        refusedUnless(ProblemStatus.RECTIFYING, s, p -> p.reportRectified(1, 1));
    }

    @Test
    void rectifiedNeedsMeasuresAndEvidence() {
        Problem p = in(ProblemStatus.RECTIFYING);
        assertThatThrownBy(() -> p.reportRectified(0, 1)).hasMessageContaining("measuresRequired");
        assertThatThrownBy(() -> p.reportRectified(2, 0)).hasMessageContaining("evidenceRequired");
        assertThat(p.reportRectified(2, 1).to()).isEqualTo(ProblemStatus.RECTIFIED);
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void checkOnlyWhenRectified(ProblemStatus s) {
        refusedUnless(ProblemStatus.RECTIFIED, s, p -> p.checkRectification(true, "ok"));
    }

    @Test
    void aFailedCheckSendsTheProblemBackToRectification() {
        Problem p = in(ProblemStatus.RECTIFIED);
        assertThat(p.checkRectification(true, "measures in place").to()).isEqualTo(ProblemStatus.VERIFIED);
        assertThat(p.checkRectification(false, "no receipts").to()).isEqualTo(ProblemStatus.RECTIFYING);
        assertThatThrownBy(() -> p.checkRectification(true, "")).hasMessageContaining("reasonRequired");
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void signOffOnlyWhenVerified(ProblemStatus s) {
        refusedUnless(ProblemStatus.VERIFIED, s, p -> p.signOff(1, true));
    }

    @Test
    void signOffWithoutEvidenceOrVerificationIsRefused() {
        assertThatThrownBy(() -> in(ProblemStatus.VERIFIED).signOff(0, true)).hasMessageContaining("evidenceRequired");
        assertThatThrownBy(() -> in(ProblemStatus.VERIFIED).signOff(1, false)).hasMessageContaining("notVerified");
        assertThatThrownBy(() -> in(ProblemStatus.RECTIFIED).signOff(1, false)).hasMessageContaining("notVerified");
        assertThat(in(ProblemStatus.VERIFIED).signOff(1, true).to()).isEqualTo(ProblemStatus.SIGNED_OFF);
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void reopenOnlyClosedProblems(ProblemStatus s) {
        if (s.closed()) {
            Problem.Change c = in(s).reopen("new evidence from a complaint");
            assertThat(c.to())
                .isEqualTo(s == ProblemStatus.UNFOUNDED ? ProblemStatus.VERIFYING : ProblemStatus.RECTIFYING);
            assertThat(c.values()).containsEntry(Problem.Field.REOPEN_COUNT, 1)
                .containsEntry(Problem.Field.REOPEN_REASON, "new evidence from a complaint");
        }
        else {
            assertThatThrownBy(() -> in(s).reopen("x")).isInstanceOf(BusinessRuleViolation.class);
        }
        assertThatThrownBy(() -> in(ProblemStatus.SIGNED_OFF).reopen(" ")).hasMessageContaining("reasonRequired");
    }

    @Test
    void overdueIsDerivedFromTheDueDateAndTheStatus() {
        assertThat(in(ProblemStatus.ASSIGNED).overdue(LocalDate.of(2023, 4, 10))).isFalse();
        assertThat(in(ProblemStatus.ASSIGNED).overdue(LocalDate.of(2023, 4, 11))).isTrue();
        assertThat(in(ProblemStatus.RECTIFYING).overdue(LocalDate.of(2023, 4, 11))).isTrue();
        assertThat(in(ProblemStatus.SIGNED_OFF).overdue(LocalDate.of(2023, 4, 11))).isFalse();
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysAndCountAdjustedDays() {
        var calendar = java.util.Map.of(LocalDate.of(2023, 4, 5), false, LocalDate.of(2023, 4, 23), true);
        assertThat(WorkingDays.isWorking(LocalDate.of(2023, 4, 5), calendar)).isFalse();
        assertThat(WorkingDays.isWorking(LocalDate.of(2023, 4, 8), calendar)).isFalse();
        assertThat(WorkingDays.isWorking(LocalDate.of(2023, 4, 23), calendar)).isTrue();
        assertThat(WorkingDays.isWorking(LocalDate.of(2023, 4, 6), calendar)).isTrue();
    }

}

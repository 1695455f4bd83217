package org.duban.ledger;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * 回头看 rounds and the root cause, action by action and status by status, with their named
 * refusals.
 */
class ReviewRoundTest {

    static final LocalDate TODAY = LocalDate.of(2023, 10, 20);
    static final UUID PROBLEM = UUID.randomUUID();

    static ReviewRound round(ReviewStatus status, ReviewResult result) {
        return new ReviewRound(UUID.randomUUID(), UUID.randomUUID(), "t", TODAY, status, null, 0,
                List.of(new ReviewRound.Item(PROBLEM, "DB-2023-00001", ProblemStatus.SIGNED_OFF, result, null, null)));
    }

    static String refusal(Runnable action) {
        BusinessRuleViolation refused = catchThrowableOfType(BusinessRuleViolation.class, action::run);
        return refused == null ? null : refused.messageKey();
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void onlyClosedProblemsAreReviewedAgain(ProblemStatus s) {
        assertThat(refusal(() -> round(ReviewStatus.PLANNED, null).add(UUID.randomUUID(), s)))
            .isEqualTo(s.closed() ? null : "review.add.notClosed");
    }

    @ParameterizedTest
    @EnumSource(ReviewStatus.class)
    void aCompletedRoundTakesNothingMore(ReviewStatus s) {
        String expected = s == ReviewStatus.PLANNED ? null : "review.transition.completed";
        assertThat(refusal(() -> round(s, null).add(UUID.randomUUID(), ProblemStatus.SIGNED_OFF))).isEqualTo(expected);
        assertThat(refusal(() -> round(s, null).record(PROBLEM, ReviewResult.HELD, null))).isEqualTo(expected);
        assertThat(refusal(() -> round(s, ReviewResult.HELD).complete(TODAY, TODAY))).isEqualTo(expected);
    }

    @Test
    void resultsAndCompletionHaveTheirRules() {
        ReviewRound open = round(ReviewStatus.PLANNED, null);
        assertThat(refusal(() -> open.add(PROBLEM, ProblemStatus.SIGNED_OFF))).isEqualTo("review.add.duplicate");
        assertThat(refusal(() -> open.record(UUID.randomUUID(), ReviewResult.HELD, null)))
            .isEqualTo("review.record.notInRound");
        assertThat(refusal(() -> open.record(PROBLEM, null, null))).isEqualTo("review.record.resultRequired");
        assertThat(refusal(() -> open.record(PROBLEM, ReviewResult.RELAPSED, " ")))
            .isEqualTo("review.record.noteRequired");
        assertThat(refusal(() -> open.complete(TODAY, TODAY))).isEqualTo("review.complete.open");
        assertThat(
                refusal(() -> round(ReviewStatus.PLANNED, ReviewResult.HELD).record(PROBLEM, ReviewResult.HELD, null)))
            .isEqualTo("review.record.done");
        assertThat(refusal(() -> round(ReviewStatus.PLANNED, ReviewResult.HELD).complete(TODAY.plusDays(1), TODAY)))
            .isEqualTo("review.complete.date");
        assertThat(round(ReviewStatus.PLANNED, ReviewResult.RELAPSED).complete(TODAY, TODAY))
            .isEqualTo(ReviewStatus.COMPLETED);
        assertThat(round(ReviewStatus.PLANNED, ReviewResult.RELAPSED).relapsed()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void theRootCauseOnlyOfAConfirmedProblem(ProblemStatus s) {
        boolean known = switch (s) {
            case REGISTERED, ASSIGNED, VERIFYING, UNFOUNDED -> false;
            default -> true;
        };
        assertThat(refusal(() -> ProblemTest.in(s).rootCause(RootCause.SUPERVISION, null)))
            .isEqualTo(known ? null : "problem.rootCause.notConfirmed");
        if (known) {
            Problem.Change c = ProblemTest.in(s).rootCause(RootCause.OTHER, " workload ");
            assertThat(c.to()).isEqualTo(s);
            assertThat(c.values()).containsEntry(Problem.Field.ROOT_CAUSE, RootCause.OTHER)
                .containsEntry(Problem.Field.ROOT_CAUSE_NOTE, "workload");
            assertThat(refusal(() -> ProblemTest.in(s).rootCause(RootCause.OTHER, "")))
                .isEqualTo("problem.rootCause.noteRequired");
            assertThat(refusal(() -> ProblemTest.in(s).rootCause(null, null))).isEqualTo("problem.rootCause.required");
        }
    }

    @Test
    void officerNamesLeaveTheRolesOut() {
        assertThat(ProblemLedger.officerNames("王某、李某（一中队执法辅助人员）")).containsExactly("王某", "李某");
        assertThat(ProblemLedger.officerNames(null)).isEmpty();
    }

}

package org.duban.handdown;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-down's rules as sentences: every status × action, with the status it leads to
 * or the refusal; a report needs a text and evidence, a return its reasons.
 */
class HandDownTest {

    static HandDown in(HandDownStatus status) {
        return new HandDown(UUID.randomUUID(), HandDownKind.CASE, UUID.randomUUID(), UUID.randomUUID(), null, null,
                "title", "what to do", null, null, 10, LocalDate.of(2023, 5, 4), LocalDate.of(2023, 5, 18), status, 0,
                0, "city", Instant.parse("2023-05-04T02:00:00Z"));
    }

    /** The whole table: what each action leads to in each status; null = refused. */
    static final Map<HandDownStatus, Map<HandDownAction, HandDownStatus>> TABLE = Map.of(HandDownStatus.ISSUED,
            expect(HandDownStatus.REPORTED, null, null), HandDownStatus.RETURNED,
            expect(HandDownStatus.REPORTED, null, null), HandDownStatus.REPORTED,
            expect(null, HandDownStatus.ACCEPTED, HandDownStatus.RETURNED), HandDownStatus.ACCEPTED,
            expect(null, null, null));

    private static Map<HandDownAction, HandDownStatus> expect(HandDownStatus report, HandDownStatus accept,
            HandDownStatus giveBack) {
        Map<HandDownAction, HandDownStatus> row = new java.util.EnumMap<>(HandDownAction.class);
        row.put(HandDownAction.REPORT, report);
        row.put(HandDownAction.ACCEPT, accept);
        row.put(HandDownAction.RETURN, giveBack);
        return row;
    }

    @TestFactory
    List<DynamicTest> everyStatusTimesEveryAction() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HandDownStatus status : HandDownStatus.values()) {
            for (HandDownAction action : HandDownAction.values()) {
                HandDownStatus expected = TABLE.get(status).get(action);
                tests.add(DynamicTest
                    .dynamicTest(status + " × " + action + " → " + (expected == null ? "refused" : expected), () -> {
                        if (expected == null) {
                            assertThatThrownBy(() -> in(status).after(action, "text", 1))
                                .isInstanceOf(BusinessRuleViolation.class)
                                .extracting(e -> ((BusinessRuleViolation) e).messageKey())
                                .isEqualTo("handdown.refused." + action);
                        }
                        else {
                            assertThat(in(status).after(action, "text", 1)).isEqualTo(expected);
                        }
                    }));
            }
        }
        return tests;
    }

    @Test
    void aReportWithoutEvidenceIsRefused() {
        assertThatThrownBy(() -> in(HandDownStatus.ISSUED).after(HandDownAction.REPORT, "done", 0))
            .extracting(e -> ((BusinessRuleViolation) e).messageKey())
            .isEqualTo("handdown.report.evidenceRequired");
    }

    @Test
    void aReportWithoutTextIsRefused() {
        assertThatThrownBy(() -> in(HandDownStatus.RETURNED).after(HandDownAction.REPORT, "  ", 2))
            .extracting(e -> ((BusinessRuleViolation) e).messageKey())
            .isEqualTo("handdown.report.textRequired");
    }

    @Test
    void returningWithoutReasonsIsRefusedButAcceptingNeedsNone() {
        assertThatThrownBy(() -> in(HandDownStatus.REPORTED).after(HandDownAction.RETURN, null, 0))
            .extracting(e -> ((BusinessRuleViolation) e).messageKey())
            .isEqualTo("handdown.return.reasonsRequired");
        assertThat(in(HandDownStatus.REPORTED).after(HandDownAction.ACCEPT, null, 0))
            .isEqualTo(HandDownStatus.ACCEPTED);
    }

    @Test
    void anItemIsOverdueOnlyWhileAtTheBureauBelowAfterItsTimeLimit() {
        LocalDate after = LocalDate.of(2023, 5, 19);
        assertThat(in(HandDownStatus.ISSUED).overdue(after)).isTrue();
        assertThat(in(HandDownStatus.RETURNED).overdue(after)).isTrue();
        assertThat(in(HandDownStatus.ISSUED).overdue(LocalDate.of(2023, 5, 18))).isFalse();
        assertThat(in(HandDownStatus.REPORTED).overdue(after)).isFalse();
        assertThat(in(HandDownStatus.ACCEPTED).overdue(after)).isFalse();
    }

}

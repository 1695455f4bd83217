package org.duban.regulation;

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
 * A rule in each status and of each kind: what may be edited and issued, and the named
 * refusals.
 */
class RegulationTest {

    static final LocalDate TODAY = LocalDate.of(2023, 8, 10);

    static Regulation in(RegulationStatus status, RegulationKind kind, String predecessor) {
        return new Regulation(UUID.randomUUID(), UUID.randomUUID(), "t", kind, predecessor, null, null, null, status,
                List.of(), List.of(), 0, "workteam", null);
    }

    static String refusal(Runnable action) {
        BusinessRuleViolation refused = catchThrowableOfType(BusinessRuleViolation.class, action::run);
        return refused == null ? null : refused.messageKey();
    }

    @ParameterizedTest
    @EnumSource(RegulationStatus.class)
    void editAndIssueOnlyWhileDrafting(RegulationStatus s) {
        String expected = s == RegulationStatus.DRAFTING ? null : "regulation.transition.issued";
        assertThat(refusal(() -> in(s, RegulationKind.NEW, null).edit())).isEqualTo(expected);
        assertThat(refusal(() -> in(s, RegulationKind.NEW, null).issue("鄂前交发〔2023〕58号", TODAY, TODAY)))
            .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(RegulationKind.class)
    void aRevisionOrRepealNamesItsPredecessor(RegulationKind kind) {
        assertThat(refusal(() -> Regulation.check(kind, " ")))
            .isEqualTo(kind == RegulationKind.NEW ? null : "regulation.predecessorRequired");
        assertThat(refusal(() -> Regulation.check(kind, "old rule"))).isNull();
    }

    @Test
    void issuingNeedsANumberAndADateNotInTheFuture() {
        Regulation draft = in(RegulationStatus.DRAFTING, RegulationKind.NEW, null);
        assertThat(refusal(() -> draft.issue(" ", TODAY, TODAY))).isEqualTo("regulation.issue.numberRequired");
        assertThat(refusal(() -> draft.issue("n", null, TODAY))).isEqualTo("regulation.issue.dateRequired");
        assertThat(refusal(() -> draft.issue("n", TODAY.plusDays(1), TODAY))).isEqualTo("regulation.issue.futureDate");
        assertThat(draft.issue("n", TODAY, TODAY)).isEqualTo(RegulationStatus.ISSUED);
    }

}

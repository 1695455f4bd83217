package org.duban.ledger;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The decision on an accountability case in every status and with every kind of bad
 * input, refused by name.
 */
class AccountabilityDecisionTest {

    static final LocalDate TODAY = LocalDate.of(2023, 9, 10);

    static AccountabilityRecords.Entry in(AccountabilityStatus status) {
        return new AccountabilityRecords.Entry(UUID.randomUUID(), UUID.randomUUID(), "DB-2023-00009", status,
                AccountabilitySubject.PERSON, "张某", UUID.randomUUID(), AccountabilityKind.ADMONITION, "facts",
                "workteam", null, null, null, null, null, null, 0, "workteam");
    }

    static String refusal(Runnable action) {
        BusinessRuleViolation refused = catchThrowableOfType(BusinessRuleViolation.class, action::run);
        return refused == null ? null : refused.messageKey();
    }

    @ParameterizedTest
    @EnumSource(AccountabilityStatus.class)
    void aCaseIsDecidedOnceOnlyFromAProposal(AccountabilityStatus s) {
        String refused = refusal(
                () -> in(s).decide(AccountabilityKind.ADMONITION, "违反执法纪律", "领导小组第3次会议", TODAY, TODAY));
        assertThat(refused).isEqualTo(s == AccountabilityStatus.PROPOSED ? null : "accountability.transition.decided");
    }

    @ParameterizedTest
    @EnumSource(AccountabilityKind.class)
    void everyKindOfDecisionNeedsGroundsAMeetingAndADate(AccountabilityKind kind) {
        AccountabilityRecords.Entry proposal = in(AccountabilityStatus.PROPOSED);
        assertThat(refusal(() -> proposal.decide(kind, " ", "m", TODAY, TODAY)))
            .isEqualTo(kind == AccountabilityKind.FAULT_TOLERANCE_EXEMPTION ? "accountability.groundsRequired"
                    : "accountability.decision.groundsRequired");
        assertThat(refusal(() -> proposal.decide(kind, "g", "", TODAY, TODAY)))
            .isEqualTo("accountability.decision.meetingRequired");
        assertThat(refusal(() -> proposal.decide(kind, "g", "m", null, TODAY)))
            .isEqualTo("accountability.decision.dateRequired");
        assertThat(refusal(() -> proposal.decide(kind, "g", "m", TODAY.plusDays(1), TODAY)))
            .isEqualTo("accountability.futureDate");
        assertThat(proposal.decide(kind, " g ", " m ", TODAY, TODAY)).containsEntry("kind", kind.name())
            .containsEntry("grounds", "g")
            .containsEntry("meeting", "m")
            .containsEntry("decided_on", TODAY);
    }

    @Test
    void aDecisionNeedsAKind() {
        assertThat(refusal(() -> in(AccountabilityStatus.PROPOSED).decide(null, "g", "m", TODAY, TODAY)))
            .isEqualTo("accountability.decision.kindRequired");
    }

    @Test
    void aCaseAboutAUnitNamesNoPerson() {
        AccountabilityRecords.Entry unit = new AccountabilityRecords.Entry(UUID.randomUUID(), null, null,
                AccountabilityStatus.PROPOSED, AccountabilitySubject.UNIT, "ignored", UUID.randomUUID(), null, null,
                null, null, null, null, null, null, null, 0, null);
        assertThat(unit.who()).isNull();
        assertThat(in(AccountabilityStatus.PROPOSED).who()).isEqualTo("张某");
    }

}

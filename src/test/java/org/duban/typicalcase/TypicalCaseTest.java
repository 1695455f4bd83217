package org.duban.typicalcase;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every action of a typical case in every status, and the personal data that keeps a text
 * off the public page.
 */
class TypicalCaseTest {

    static final List<String> NAMES = List.of("赵六六", "钱七");

    static TypicalCase in(TypicalCaseStatus status, String publicText) {
        return new TypicalCase(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "DB-2023-00001",
                TypicalCaseKind.NEGATIVE, TypicalCaseSource.PROBLEM, "t", "赵六六 internal", null, "public title",
                publicText, status, null, null, null, 1, "workteam", null);
    }

    static TypicalCase in(TypicalCaseStatus status) {
        return in(status, "an officer of a squad did not open a case");
    }

    static String refusal(Runnable action) {
        BusinessRuleViolation refused = catchThrowableOfType(BusinessRuleViolation.class, action::run);
        return refused == null ? null : refused.messageKey();
    }

    @ParameterizedTest
    @EnumSource(TypicalCaseStatus.class)
    void approveOnlyADraft(TypicalCaseStatus s) {
        assertThat(refusal(() -> in(s).approve(NAMES)))
            .isEqualTo(s == TypicalCaseStatus.DRAFT ? null : "typicalcase.approve.notDraft");
    }

    @ParameterizedTest
    @EnumSource(TypicalCaseStatus.class)
    void publishOnlyAnApprovedCase(TypicalCaseStatus s) {
        assertThat(refusal(() -> in(s).publish(NAMES)))
            .isEqualTo(s == TypicalCaseStatus.APPROVED ? null : "typicalcase.publish.notApproved");
    }

    @ParameterizedTest
    @EnumSource(TypicalCaseStatus.class)
    void withdrawOnlyAPublishedCase(TypicalCaseStatus s) {
        assertThat(refusal(() -> in(s).withdraw()))
            .isEqualTo(s == TypicalCaseStatus.PUBLISHED ? null : "typicalcase.withdraw.notPublished");
    }

    @ParameterizedTest
    @EnumSource(TypicalCaseStatus.class)
    void anEditSendsTheCaseBackForApprovalUnlessPublished(TypicalCaseStatus s) {
        if (s == TypicalCaseStatus.PUBLISHED) {
            assertThat(refusal(() -> in(s).edit())).isEqualTo("typicalcase.transition.published");
        }
        else {
            assertThat(in(s).edit()).isEqualTo(TypicalCaseStatus.DRAFT);
        }
    }

    @Test
    void personalDataInThePublicTextRefusesApprovalAndPublication() {
        assertThat(refusal(() -> in(TypicalCaseStatus.DRAFT, "队员赵六六未立案").approve(NAMES)))
            .isEqualTo("typicalcase.personal.name");
        assertThat(refusal(() -> in(TypicalCaseStatus.APPROVED, "联系电话13912345678").publish(NAMES)))
            .isEqualTo("typicalcase.personal.phone");
        assertThat(refusal(() -> in(TypicalCaseStatus.APPROVED, "电话0477-6281234").publish(NAMES)))
            .isEqualTo("typicalcase.personal.phone");
        assertThat(refusal(() -> in(TypicalCaseStatus.APPROVED, "身份证15272819900101123X").publish(NAMES)))
            .isEqualTo("typicalcase.personal.idNumber");
        assertThat(refusal(() -> in(TypicalCaseStatus.APPROVED, "车辆蒙K12345被扣").publish(NAMES)))
            .isEqualTo("typicalcase.personal.plate");
        assertThat(refusal(() -> in(TypicalCaseStatus.APPROVED, "车辆蒙K·D12345被扣").publish(NAMES)))
            .isEqualTo("typicalcase.personal.plate");
        assertThat(refusal(() -> in(TypicalCaseStatus.APPROVED, "").publish(NAMES)))
            .isEqualTo("typicalcase.publish.textRequired");
        // amounts, dates and case counts are not personal data
        assertThat(in(TypicalCaseStatus.APPROVED, "2023年5月撤销处罚3起，退还罚款2000元，涉及S216线").publish(NAMES))
            .isEqualTo(TypicalCaseStatus.PUBLISHED);
    }

}

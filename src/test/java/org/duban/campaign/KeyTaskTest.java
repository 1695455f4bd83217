package org.duban.campaign;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action of the key task's life cycle in every status: what it allows and what it
 * refuses, by name.
 */
class KeyTaskTest {

    static final LocalDate JULY = LocalDate.of(2023, 7, 1);

    static KeyTask in(KeyTaskStatus status, int percent, String acceptor, KeyTaskReportKind report) {
        return new KeyTask(UUID.randomUUID(), UUID.randomUUID(), "报送7月工作情况", null, Phase.RECTIFICATION,
                UUID.randomUUID(), null, null, null, LocalDate.of(2023, 7, 31), "按时报送", "月报", status, percent, 2,
                "workteam", null, acceptor, report, report == KeyTaskReportKind.MONTHLY ? JULY : null, null, null,
                null);
    }

    static KeyTask in(KeyTaskStatus status) {
        int percent = switch (status) {
            case NOT_STARTED -> 0;
            case IN_PROGRESS -> 60;
            case AWAITING_ACCEPTANCE, DONE -> 100;
        };
        return in(status, percent, null, KeyTaskReportKind.MONTHLY);
    }

    static String refusal(Runnable action) {
        try {
            action.run();
            return null;
        }
        catch (BusinessRuleViolation refused) {
            return refused.messageKey();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyTaskStatus.class)
    void progressIsReportedOnlyWhileTheTaskIsOpen(KeyTaskStatus s) {
        String refused = refusal(() -> in(s).report(80, 0));
        switch (s) {
            case NOT_STARTED, IN_PROGRESS -> assertThat(refused).isNull();
            case AWAITING_ACCEPTANCE -> assertThat(refused).isEqualTo("keytask.transition.awaitingAcceptance");
            case DONE -> assertThat(refused).isEqualTo("keytask.transition.accepted");
        }
    }

    @ParameterizedTest
    @EnumSource(KeyTaskStatus.class)
    void acceptanceOnlyOfATaskAwaitingIt(KeyTaskStatus s) {
        String refused = refusal(() -> in(s).accept("成果齐全，符合检验标准", "leader", true));
        switch (s) {
            case AWAITING_ACCEPTANCE -> assertThat(refused).isNull();
            case DONE -> assertThat(refused).isEqualTo("keytask.transition.accepted");
            default -> assertThat(refused).isEqualTo("keytask.accept.notComplete");
        }
    }

    @ParameterizedTest
    @EnumSource(KeyTaskStatus.class)
    void returnOnlyOfATaskAwaitingAcceptance(KeyTaskStatus s) {
        String refused = refusal(() -> in(s).returnForRework("缺少会议纪要", "leader", true));
        switch (s) {
            case AWAITING_ACCEPTANCE -> assertThat(refused).isNull();
            case DONE -> assertThat(refused).isEqualTo("keytask.transition.accepted");
            default -> assertThat(refused).isEqualTo("keytask.return.notComplete");
        }
    }

    @ParameterizedTest
    @EnumSource(KeyTaskStatus.class)
    void theFulfillingReportAcceptsAnyTaskNotYetDone(KeyTaskStatus s) {
        String refused = refusal(() -> in(s).fulfil(KeyTaskReportKind.MONTHLY, JULY));
        assertThat(refused).isEqualTo(s == KeyTaskStatus.DONE ? "keytask.transition.accepted" : null);
    }

    @Test
    void hundredPercentNeedsEvidenceAndGoesToAcceptanceNotToDone() {
        KeyTask task = in(KeyTaskStatus.IN_PROGRESS);
        assertThat(refusal(() -> task.report(100, 0))).isEqualTo("keytask.progress.evidenceRequired");
        KeyTask.Transition t = task.report(100, 1);
        assertThat(t.to()).isEqualTo(KeyTaskStatus.AWAITING_ACCEPTANCE);
        assertThat(t.percent()).isEqualTo(100);
        assertThat(task.report(30, 0).to()).isEqualTo(KeyTaskStatus.IN_PROGRESS);
        assertThat(in(KeyTaskStatus.NOT_STARTED).report(0, 0).to()).isEqualTo(KeyTaskStatus.NOT_STARTED);
        assertThat(refusal(() -> task.report(101, 1))).isEqualTo("keytask.progress.percentRange");
        assertThat(refusal(() -> task.report(-1, 1))).isEqualTo("keytask.progress.percentRange");
    }

    @Test
    void acceptanceBelowHundredPercentIsRefusedWithThePercentage() {
        BusinessRuleViolation refused = (BusinessRuleViolation) org.assertj.core.api.Assertions
            .catchThrowable(() -> in(KeyTaskStatus.IN_PROGRESS, 80, null, null).accept("ok", "leader", true));
        assertThat(refused.messageKey()).isEqualTo("keytask.accept.notComplete");
        assertThat(refused.args()).containsExactly(80);
    }

    @Test
    void onlyTheAcceptorDecides() {
        KeyTask byGroup = in(KeyTaskStatus.AWAITING_ACCEPTANCE);
        assertThat(refusal(() -> byGroup.accept("ok", "workteam", false))).isEqualTo("keytask.accept.notAcceptor");
        assertThat(byGroup.accept("ok", "leader", true).to()).isEqualTo(KeyTaskStatus.DONE);
        KeyTask named = in(KeyTaskStatus.AWAITING_ACCEPTANCE, 100, "inspector", null);
        assertThat(refusal(() -> named.accept("ok", "leader", true))).isEqualTo("keytask.accept.notAcceptor");
        assertThat(refusal(() -> named.returnForRework("no", "leader", true))).isEqualTo("keytask.accept.notAcceptor");
        assertThat(named.accept("ok", "inspector", false).to()).isEqualTo(KeyTaskStatus.DONE);
    }

    @Test
    void aDecisionNeedsAnOpinionAndAReturnKeepsThePercentage() {
        KeyTask task = in(KeyTaskStatus.AWAITING_ACCEPTANCE);
        assertThat(refusal(() -> task.accept(" ", "leader", true))).isEqualTo("keytask.accept.opinionRequired");
        assertThat(refusal(() -> task.returnForRework(null, "leader", true)))
            .isEqualTo("keytask.accept.opinionRequired");
        KeyTask.Transition back = task.returnForRework("缺少会议纪要", "leader", true);
        assertThat(back.to()).isEqualTo(KeyTaskStatus.IN_PROGRESS);
        assertThat(back.percent()).isEqualTo(100);
    }

    @Test
    void onlyTheNamedReportFulfilsTheTask() {
        KeyTask july = in(KeyTaskStatus.NOT_STARTED);
        assertThat(refusal(() -> july.fulfil(KeyTaskReportKind.MONTHLY, JULY.plusMonths(1))))
            .isEqualTo("keytask.fulfil.otherReport");
        assertThat(refusal(() -> july.fulfil(KeyTaskReportKind.SUMMARY, JULY))).isEqualTo("keytask.fulfil.otherReport");
        assertThat(refusal(() -> in(KeyTaskStatus.NOT_STARTED, 0, null, null).fulfil(KeyTaskReportKind.MONTHLY, JULY)))
            .isEqualTo("keytask.fulfil.otherReport");
        assertThat(july.fulfil(KeyTaskReportKind.MONTHLY, JULY).to()).isEqualTo(KeyTaskStatus.DONE);
    }

    @Test
    void onlyAnAcceptedTaskIsNoLongerOverdue() {
        LocalDate late = LocalDate.of(2023, 8, 15);
        assertThat(in(KeyTaskStatus.AWAITING_ACCEPTANCE).overdue(late)).isTrue();
        assertThat(in(KeyTaskStatus.DONE).overdue(late)).isFalse();
    }

}

package org.duban.campaign;

import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of the key-task plan (重点工作推进计划表): owner, deadline, acceptance standard (检验标准),
 * deliverable.
 * <p>
 * Its life cycle guards itself: progress moves a task to {@code IN_PROGRESS}; a report at
 * 100 % with evidence sends it to acceptance; the acceptor (the leading group, or the
 * staff member the task names) accepts it against the acceptance standard — only then it
 * is {@code DONE} — or returns it with reasons. A task fulfilled by a report is accepted
 * when that report is submitted. Each action returns the change it makes or refuses with
 * a {@link BusinessRuleViolation}; persistence is {@link KeyTasks}' business.
 */
public record KeyTask(UUID id, UUID campaignId, String title, String description, Phase phase, UUID ownerUnitId,
        String ownerPerson, String coUnits, LocalDate startsOn, LocalDate deadline, String acceptanceStandard,
        String deliverable, KeyTaskStatus status, int percent, long version, String updatedBy, Instant updatedAt,
        String acceptorLogin, KeyTaskReportKind fulfilledByKind, LocalDate fulfilledByPeriod, String acceptedBy,
        Instant acceptedAt, String acceptanceOpinion) {

    /**
     * What an action changes: the action's name, the new status and the new percentage.
     */
    public record Transition(String action, KeyTaskStatus to, int percent) {
    }

    public boolean overdue(LocalDate today) {
        return status != KeyTaskStatus.DONE && today.isAfter(deadline);
    }

    /**
     * Whether {@code login} may accept or return this task ({@code leadingGroup}: holds
     * keytask:task:accept).
     */
    public boolean acceptableBy(String login, boolean leadingGroup) {
        return acceptorLogin == null ? leadingGroup : acceptorLogin.equals(login);
    }

    /**
     * A progress report. {@code evidenceFiles} counts the task's files including this
     * report's: 100 % needs at least one (the deliverable, minutes, photos), because the
     * acceptor checks it against the standard.
     */
    public Transition report(int newPercent, int evidenceFiles) {
        refuseWhileClosedForProgress();
        if (newPercent < 0 || newPercent > 100) {
            throw new BusinessRuleViolation("keytask.progress.percentRange");
        }
        if (newPercent == 100 && evidenceFiles == 0) {
            throw new BusinessRuleViolation("keytask.progress.evidenceRequired");
        }
        KeyTaskStatus to = newPercent == 100 ? KeyTaskStatus.AWAITING_ACCEPTANCE
                : newPercent > 0 ? KeyTaskStatus.IN_PROGRESS : status;
        return new Transition("progress", to, newPercent);
    }

    /**
     * 验收通过: only at 100 % and awaiting acceptance, only by the acceptor, with an opinion
     * on the standard.
     */
    public Transition accept(String opinion, String login, boolean leadingGroup) {
        requireAwaitingAcceptance("accept");
        requireAcceptor(login, leadingGroup);
        reasons(opinion);
        return new Transition("accept", KeyTaskStatus.DONE, 100);
    }

    /**
     * 退回: back to the owner unit with reasons; the percentage stays as reported until the
     * next report.
     */
    public Transition returnForRework(String reasons, String login, boolean leadingGroup) {
        requireAwaitingAcceptance("return");
        requireAcceptor(login, leadingGroup);
        reasons(reasons);
        return new Transition("return", KeyTaskStatus.IN_PROGRESS, percent);
    }

    /**
     * The report this task names was submitted: that report is the deliverable, so the
     * task is accepted.
     */
    public Transition fulfil(KeyTaskReportKind kind, LocalDate period) {
        if (status == KeyTaskStatus.DONE) {
            throw new BusinessRuleViolation("keytask.transition.accepted");
        }
        if (fulfilledByKind == null || fulfilledByKind != kind
                || (fulfilledByPeriod != null && !fulfilledByPeriod.equals(period))) {
            throw new BusinessRuleViolation("keytask.fulfil.otherReport");
        }
        return new Transition("fulfil", KeyTaskStatus.DONE, 100);
    }

    private void refuseWhileClosedForProgress() {
        if (status == KeyTaskStatus.AWAITING_ACCEPTANCE) {
            throw new BusinessRuleViolation("keytask.transition.awaitingAcceptance");
        }
        if (status == KeyTaskStatus.DONE) {
            throw new BusinessRuleViolation("keytask.transition.accepted");
        }
    }

    private void requireAwaitingAcceptance(String action) {
        if (status == KeyTaskStatus.DONE) {
            throw new BusinessRuleViolation("keytask.transition.accepted");
        }
        if (status != KeyTaskStatus.AWAITING_ACCEPTANCE || percent < 100) {
            throw new BusinessRuleViolation("keytask." + action + ".notComplete", percent);
        }
    }

    private void requireAcceptor(String login, boolean leadingGroup) {
        if (!acceptableBy(login, leadingGroup)) {
            throw new BusinessRuleViolation("keytask.accept.notAcceptor");
        }
    }

    private static void reasons(String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("keytask.accept.opinionRequired");
        }
        if (text.length() > 4000) {
            throw new BusinessRuleViolation("keytask.accept.opinionTooLong");
        }
    }

    public record Progress(UUID id, LocalDate reportedOn, String text, int percent, String reportedBy) {
    }

    public record Change(java.time.LocalDateTime at, String actor, String field, String oldValue, String newValue) {
    }
}

package org.duban.handdown;

import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One item handed down from {@code fromUnitId} to {@code toUnitId}, a bureau one level
 * below. It guards its own transitions: the bureau below reports back, with a text and at
 * least one piece of evidence, while the item is issued or returned; the issuing bureau
 * accepts a report, or returns it with its reasons, and only while one waits.
 *
 * @param returns how many times a report was returned
 */
@AggregateRoot
public record HandDown(UUID id, HandDownKind kind, UUID fromUnitId, UUID toUnitId, UUID campaignId, UUID keyTaskId,
        String title, String description, String acceptanceStandard, String requiredFeedback, Integer workingDays,
        LocalDate issuedOn, LocalDate dueOn, HandDownStatus status, int returns, long version, String createdBy,
        Instant createdAt) {

    static final int MAX_TEXT = 4000;

    /**
     * The status after {@code action}, or a refusal naming the step and the status it was
     * tried in.
     * @param text the report (REPORT) or the reasons (RETURN); ignored on ACCEPT
     * @param evidence how many files come with a report
     */
    public HandDownStatus after(HandDownAction action, String text, int evidence) {
        HandDownStatus next = switch (action) {
            case REPORT -> status.atReceiver() ? HandDownStatus.REPORTED : null;
            case ACCEPT -> status == HandDownStatus.REPORTED ? HandDownStatus.ACCEPTED : null;
            case RETURN -> status == HandDownStatus.REPORTED ? HandDownStatus.RETURNED : null;
        };
        if (next == null) {
            throw new BusinessRuleViolation("handdown.refused." + action);
        }
        if (action == HandDownAction.REPORT) {
            required(text, "handdown.report.textRequired");
            if (evidence < 1) {
                throw new BusinessRuleViolation("handdown.report.evidenceRequired");
            }
        }
        if (action == HandDownAction.RETURN) {
            required(text, "handdown.return.reasonsRequired");
        }
        return next;
    }

    private static void required(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation(key);
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new BusinessRuleViolation("handdown.text.tooLong", MAX_TEXT);
        }
    }

    /** Overdue: still at the bureau below after its time limit. */
    public boolean overdue(LocalDate today) {
        return status.atReceiver() && today.isAfter(dueOn);
    }

}

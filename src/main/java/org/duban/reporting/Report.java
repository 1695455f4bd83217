package org.duban.reporting;

import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A report's working copy as its sender sees it, and the guard of its life cycle: drafted
 * by the work team, approved by the leading group (who becomes 签发人), submitted upward
 * with its document number, received or returned by the superior; editing an approved or
 * returned report makes it a draft again, so nothing reaches the superior without a fresh
 * approval. A unit's monthly report to its bureau ({@link ReportChannel#UNIT_TO_BUREAU})
 * takes the same path without approval and number: the unit's staff submit the draft.
 * Each action refuses an illegal move with a named {@link BusinessRuleViolation} and
 * otherwise returns the {@link Transition} it makes, with the {@link ReportTransitioned}
 * event to publish; storing it is {@link Reports}' business.
 */
@AggregateRoot
public record Report(UUID id, UUID campaignId, UUID unitId, ReportKind kind, LocalDate period, String title,
        String docPrefix, int docYear, Integer docSeq, String addressee, String copyTo, String progress, String results,
        String problems, String suggestions, ReportStatus status, String approvedBy, String signer, Instant approvedAt,
        int submittedVersion, long version, String updatedBy, Instant updatedAt, ReportChannel channel,
        String approvalComment) {

    /**
     * What an action does: the status it moves to and the event that tells the other
     * modules (the to-do list, key-task fulfilment).
     */
    public record Transition(String action, ReportStatus to, ReportTransitioned event) {
    }

    /**
     * The event of a report just drafted: "drafted" when it now waits for the leading
     * group's approval, "opened" for a unit's report, which waits on nobody but its
     * drafter.
     */
    public Transition drafted(String actor, Instant at) {
        if (status != ReportStatus.DRAFT) {
            throw new BusinessRuleViolation("report.refused.notEditable");
        }
        return transition(channel.approvedAndNumbered() ? "drafted" : "opened", ReportStatus.DRAFT, null, actor, at);
    }

    /**
     * Editing the text or redrafting the figures: allowed while the report is with its
     * own bureau, and it becomes a draft again (a fresh approval is needed).
     */
    public ReportStatus edit() {
        if (!status.editable()) {
            throw new BusinessRuleViolation("report.refused.notEditable");
        }
        return ReportStatus.DRAFT;
    }

    /** The leading group approves a draft; the approver becomes 签发人. */
    public Transition approve(String actor, Instant at) {
        if (!channel.approvedAndNumbered()) {
            throw new BusinessRuleViolation("report.refused.noApprovalStep");
        }
        if (status != ReportStatus.DRAFT) {
            throw new BusinessRuleViolation("report.refused.approveNeedsDraft");
        }
        return transition("approved", ReportStatus.APPROVED, null, actor, at);
    }

    /**
     * The leading group returns a draft to the work team instead of approving it (退回修改),
     * always saying why; the work team edits it, which makes it a draft again.
     */
    public Transition returnToDrafter(String comment, String actor, Instant at) {
        if (!channel.approvedAndNumbered()) {
            throw new BusinessRuleViolation("report.refused.noApprovalStep");
        }
        if (status != ReportStatus.DRAFT) {
            throw new BusinessRuleViolation("report.refused.approveNeedsDraft");
        }
        if (comment == null || comment.isBlank()) {
            throw new BusinessRuleViolation("report.refused.commentMissing");
        }
        return transition("declined", ReportStatus.RETURNED, null, actor, at);
    }

    /**
     * Submitted upward as version {@link #nextVersion()}: a bureau's report once approved
     * and with its document number (发文字号); a unit's report as a draft (a returned one is
     * edited, and so a draft, first).
     */
    public Transition submit(UUID superiorUnitId, String actor, Instant at) {
        if (!channel.approvedAndNumbered()) {
            if (status != ReportStatus.DRAFT) {
                throw new BusinessRuleViolation("report.refused.submitNeedsDraft");
            }
            return transition("submitted", ReportStatus.SUBMITTED, superiorUnitId, actor, at);
        }
        if (status != ReportStatus.APPROVED) {
            throw new BusinessRuleViolation("report.refused.submitNeedsApproval");
        }
        if (docSeq == null) {
            throw new BusinessRuleViolation("report.refused.numberMissing");
        }
        return transition("submitted", ReportStatus.SUBMITTED, superiorUnitId, actor, at);
    }

    /** The number the next submission freezes. */
    public int nextVersion() {
        return submittedVersion + 1;
    }

    /** 签收 by the superior the report was submitted to. */
    public Transition receive(UUID superiorUnitId, String actor, Instant at) {
        requireSubmitted();
        return transition("received", ReportStatus.RECEIVED, superiorUnitId, actor, at);
    }

    /** 退回 by the superior, always with a comment saying what to change. */
    public Transition returnWithComment(String comment, UUID superiorUnitId, String actor, Instant at) {
        requireSubmitted();
        if (comment == null || comment.isBlank()) {
            throw new BusinessRuleViolation("report.refused.commentMissing");
        }
        return transition("returned", ReportStatus.RETURNED, superiorUnitId, actor, at);
    }

    private void requireSubmitted() {
        if (status != ReportStatus.SUBMITTED) {
            throw new BusinessRuleViolation("report.refused.notSubmitted");
        }
    }

    private Transition transition(String action, ReportStatus to, UUID superiorUnitId, String actor, Instant at) {
        return new Transition(action, to,
                new ReportTransitioned(UUID.randomUUID(), id, title, action, to, unitId, superiorUnitId, actor, at));
    }

}

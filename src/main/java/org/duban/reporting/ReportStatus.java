package org.duban.reporting;

import org.duban.shared.BusinessRuleViolation;

/**
 * A report's life: drafted by the work team, approved by the leading group, submitted to
 * the superior bureau, which receives it or returns it with comments. Editing an approved
 * or returned report makes it a draft again, so nothing reaches the superior without a
 * fresh approval.
 */
public enum ReportStatus {

    DRAFT, APPROVED, SUBMITTED, RETURNED, RECEIVED;

    public boolean editable() {
        return this == DRAFT || this == APPROVED || this == RETURNED;
    }

    ReportStatus edit() {
        if (!editable()) {
            throw new BusinessRuleViolation("report.refused.notEditable");
        }
        return DRAFT;
    }

    ReportStatus approve() {
        if (this != DRAFT) {
            throw new BusinessRuleViolation("report.refused.approveNeedsDraft");
        }
        return APPROVED;
    }

    ReportStatus submit() {
        if (this != APPROVED) {
            throw new BusinessRuleViolation("report.refused.submitNeedsApproval");
        }
        return SUBMITTED;
    }

    ReportStatus decide(boolean received) {
        if (this != SUBMITTED) {
            throw new BusinessRuleViolation("report.refused.notSubmitted");
        }
        return received ? RECEIVED : RETURNED;
    }

}

package org.duban.reporting;

/**
 * A report's life (the transitions are {@link Report}'s): drafted by the work team,
 * approved by the leading group, submitted to the superior bureau, which receives it or
 * returns it with comments.
 */
public enum ReportStatus {

    DRAFT, APPROVED, SUBMITTED, RETURNED, RECEIVED;

    /**
     * With its own bureau: the text may change (and the report becomes a draft again).
     */
    public boolean editable() {
        return this == DRAFT || this == APPROVED || this == RETURNED;
    }

}

package org.duban.reporting;

/**
 * Who sends a report to whom: one workflow, parameterised by the sender's level. A bureau
 * (county, or city to the province) reports to the bureau above it with an official
 * document: its leading group approves and signs it, and it carries a document number. A
 * unit (squad, brigade, centre, office) sends its monthly self-inspection report to its
 * own bureau: it has no leading group, so its staff submit it without an approval step
 * and without a document number (docs/adr/0711). Either way the receiver receives (签收) or
 * returns it with a comment.
 */
public enum ReportChannel {

    BUREAU_TO_SUPERIOR(true), UNIT_TO_BUREAU(false);

    private final boolean approvedAndNumbered;

    ReportChannel(boolean approvedAndNumbered) {
        this.approvedAndNumbered = approvedAndNumbered;
    }

    /**
     * Whether a leading group approves (签发) the report before it goes and it carries a
     * document number (发文字号).
     */
    public boolean approvedAndNumbered() {
        return approvedAndNumbered;
    }

}

package org.duban.inspection;

import org.duban.ledger.ProblemSource;

/** 突击检查 / 实地暗访 / 随机抽查, and the ledger source a finding of each becomes. */
public enum InspectionType {

    SURPRISE(ProblemSource.SURPRISE_INSPECTION), UNANNOUNCED(ProblemSource.UNANNOUNCED_VISIT),
    RANDOM(ProblemSource.RANDOM_CHECK);

    private final ProblemSource source;

    InspectionType(ProblemSource source) {
        this.source = source;
    }

    public ProblemSource problemSource() {
        return source;
    }

}

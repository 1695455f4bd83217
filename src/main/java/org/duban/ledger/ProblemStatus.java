package org.duban.ledger;

/**
 * Where a problem stands in its life cycle: registered, assigned (交办) to a unit with a
 * time limit, under verification (核查), confirmed or unfounded, being rectified,
 * rectified, verified by the work team, signed off (销号).
 */
public enum ProblemStatus {

    REGISTERED, ASSIGNED, VERIFYING, CONFIRMED, UNFOUNDED, RECTIFYING, RECTIFIED, VERIFIED, SIGNED_OFF;

    /** No further work expected unless reopened. */
    public boolean closed() {
        return this == UNFOUNDED || this == SIGNED_OFF;
    }

}

package org.duban.ledger;

/** A case is proposed by the work team and decided by the leading group. */
public enum AccountabilityStatus {

    PROPOSED, DECIDED

}

package org.duban.ledger;

/** A 回头看 round is planned (problems added, results recorded) and then completed. */
public enum ReviewStatus {

    PLANNED, COMPLETED

}

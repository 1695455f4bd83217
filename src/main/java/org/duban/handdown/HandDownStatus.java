package org.duban.handdown;

/**
 * Where a handed-down item stands: issued and waiting on the bureau below; reported back
 * and waiting on the issuing bureau; returned to the bureau below with reasons; accepted
 * (done).
 */
public enum HandDownStatus {

    ISSUED, REPORTED, RETURNED, ACCEPTED;

    /** Waiting on the bureau below (its time limit runs). */
    public boolean atReceiver() {
        return this == ISSUED || this == RETURNED;
    }

}

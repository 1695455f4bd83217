package org.duban.complaint;

/** Where a complaint stands. Labels: {@code complaint.status.*}. */
public enum ComplaintStatus {

    /** Waiting for the work team to accept, decline or transfer it. */
    SUBMITTED, ACCEPTED,
    /** Assigned to a unit that handles it. */
    IN_HANDLING,
    /** The unit's answer waits for the work team's review before the public sees it. */
    FEEDBACK_REVIEW, ANSWERED,
    /** The complainant was not satisfied: back to the work team for review. */
    REOPENED, DECLINED, CLOSED;

    public boolean isOpen() {
        return this != DECLINED && this != CLOSED;
    }

}

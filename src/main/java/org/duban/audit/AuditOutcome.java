package org.duban.audit;

/** How an operation ended, as recorded in the log. */
public enum AuditOutcome {

    SUCCESS, FAILURE, DENIED

}

package org.duban.campaign;

/** Progress of a key task; "overdue" is derived from the deadline, never stored. */
public enum KeyTaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE
}

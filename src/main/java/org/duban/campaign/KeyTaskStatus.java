package org.duban.campaign;

/**
 * Progress of a key task; "overdue" is derived from the deadline, never stored. A task at
 * 100 % waits for acceptance (验收); only {@link #DONE} — accepted against its acceptance
 * standard — counts as done.
 */
public enum KeyTaskStatus {

    NOT_STARTED, IN_PROGRESS, AWAITING_ACCEPTANCE, DONE

}

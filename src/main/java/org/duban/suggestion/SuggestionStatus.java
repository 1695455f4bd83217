package org.duban.suggestion;

/** Waiting for the work team's answer, or answered. */
public enum SuggestionStatus {

    SUBMITTED, ANSWERED

}

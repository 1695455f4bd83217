package org.duban.handdown;

/**
 * What is handed down: a key task assigned with a deadline and an acceptance standard, or
 * a problem or clue (交办件) with a time limit in working days.
 */
public enum HandDownKind {

    TASK, CASE

}

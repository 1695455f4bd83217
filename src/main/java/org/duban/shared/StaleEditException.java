package org.duban.shared;

import java.time.Instant;

/**
 * An edit was based on an old version of a row: somebody else saved in between. The web
 * layer answers 409 and says who changed the row and when, so nobody's work is silently
 * overwritten.
 */
public class StaleEditException extends RuntimeException {

    private final String changedBy;

    private final Instant changedAt;

    public StaleEditException(String what, String changedBy, Instant changedAt) {
        super(what);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

}

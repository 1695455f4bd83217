package org.duban.handdown;

import java.time.Instant;
import java.util.UUID;

/**
 * A handed-down item was issued, reported back, accepted or returned ({@code action}:
 * ISSUE, REPORT, ACCEPT, RETURN). Published in the transaction of the change, next to the
 * audit event; carries the two bureaus and the title, never the report or its evidence.
 */
public record HandDownTransitioned(UUID eventId, UUID handDownId, String title, String action, UUID fromUnitId,
        UUID toUnitId, String actor, Instant at) {
}

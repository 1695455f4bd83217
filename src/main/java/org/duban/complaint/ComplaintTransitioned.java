package org.duban.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint changed hands or status: received (submitted), accepted, declined,
 * transferred, assigned, answered (feedback proposed), feedback published or returned,
 * reopened by a not-satisfied rating, rated, closed. Published in the transaction of the
 * change and recorded by the event publication registry. Carries no content and no
 * identity of the complainant.
 *
 * @param action the action as in the complaint's history ("submitted", "assigned",
 * "feedback.returned", …)
 * @param ownerUnitId the bureau (or unit) that dispatches the complaint, after the change
 * @param handlingUnitId the unit that handles it, after the change, if any
 */
public record ComplaintTransitioned(UUID eventId, UUID complaintId, String action, ComplaintStatus from,
        ComplaintStatus to, UUID ownerUnitId, UUID handlingUnitId, Channel channel, String actor, Instant at) {
}

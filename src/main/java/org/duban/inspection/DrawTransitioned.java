package org.duban.inspection;

import java.time.Instant;
import java.util.UUID;

/**
 * A random draw moved on: "frozen" (the population snapshot sealed and the seed
 * committed; the draw is to be made), "drawn" (the selection is known; it is to be
 * published) or "published" (公示). Raised by {@link RandomDraw}, published in the
 * transaction of the step and recorded by the event publication registry. Carries no seed
 * and no selection: the registry stores events in clear, and a secret seed must not leave
 * the draw before it is made.
 *
 * @param ownerUnitId the unit that made the draw and publishes it
 * @param campaignId the campaign the draw belongs to, if any
 */
public record DrawTransitioned(UUID eventId, UUID drawId, UUID publicId, String title, String action, UUID ownerUnitId,
        UUID campaignId, String actor, Instant at) {
}

package org.duban.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A key task was assigned to its owner unit ("assigned", also when an edit moves it to
 * another unit) or its owner reported progress ("progress"). Published in the transaction
 * of the change. Due-soon and overdue are derived from the deadline by the to-do list,
 * not published.
 */
public record KeyTaskHandedOver(UUID eventId, UUID taskId, String title, String action, UUID ownerUnitId,
        String ownerPerson, int percent, String actor, Instant at) {
}

package org.duban.reporting;

import java.time.Instant;
import java.util.UUID;

/**
 * A report moved on: drafted (waiting for the leading group's approval), opened (a unit's
 * report drafted, waiting on nobody but its drafter), approved (waiting to be submitted),
 * submitted (in the receiver's inbox), received or returned. Recorded by {@link Report},
 * published in the transaction of the change.
 *
 * @param unitId the sender: a bureau, or a unit reporting to its bureau
 * @param superiorUnitId the bureau it was submitted to, for "submitted", "received" and
 * "returned"; else null
 */
public record ReportTransitioned(UUID eventId, UUID reportId, String title, String action, ReportStatus to, UUID unitId,
        UUID superiorUnitId, String actor, Instant at) {
}

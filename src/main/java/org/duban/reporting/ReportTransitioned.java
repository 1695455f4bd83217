package org.duban.reporting;

import java.time.Instant;
import java.util.UUID;

/**
 * A report moved on: drafted (waiting for the leading group's approval), approved
 * (waiting to be submitted), submitted (in the superior bureau's inbox), received or
 * returned. Published in the transaction of the change.
 *
 * @param unitId the issuing bureau
 * @param superiorUnitId the bureau it was submitted to, for "submitted", "received" and
 * "returned"; else null
 */
public record ReportTransitioned(UUID eventId, UUID reportId, String title, String action, ReportStatus to, UUID unitId,
        UUID superiorUnitId, String actor, Instant at) {
}

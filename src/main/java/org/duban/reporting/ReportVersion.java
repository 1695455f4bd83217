package org.duban.reporting;

import java.time.Instant;
import java.util.UUID;

/** What the superior bureau received with one submission, frozen. */
public record ReportVersion(UUID reportId, int number, String title, String documentNumber, String signer,
        String addressee, String copyTo, String progress, String results, String problems, String suggestions,
        String submittedBy, Instant submittedAt, UUID superiorUnitId, String outcome, String comment, String decidedBy,
        Instant decidedAt) {
}

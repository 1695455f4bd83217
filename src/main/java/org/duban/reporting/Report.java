package org.duban.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A report's working copy as its own bureau sees it. */
public record Report(UUID id, UUID campaignId, UUID unitId, ReportKind kind, LocalDate period, String title,
        String docPrefix, int docYear, Integer docSeq, String addressee, String copyTo, String progress, String results,
        String problems, String suggestions, ReportStatus status, String approvedBy, String signer, Instant approvedAt,
        int submittedVersion, long version, String updatedBy, Instant updatedAt) {
}

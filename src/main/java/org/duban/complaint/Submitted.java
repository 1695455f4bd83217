package org.duban.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The answer to a submission. The receipt (formatted in groups) exists only here, never
 * in the database.
 */
public record Submitted(UUID complaintId, String receipt, Instant submittedAt, LocalDate acknowledgeDueOn,
        LocalDate dueOn) {
}

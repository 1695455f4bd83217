package org.duban.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rectification of a confirmed problem (整改): responsible unit and person, deadline,
 * measures, checks.
 */
public record Rectification(UUID problemId, UUID responsibleUnitId, String responsiblePerson, LocalDate deadline,
        String completionNote, LocalDate completedOn, String verifiedBy, Instant verifiedAt, String verificationOpinion,
        String signedOffBy, Instant signedOffAt, List<Measure> measures) {

    public record Measure(UUID id, String text, String owner, LocalDate deadline, LocalDate doneOn) {
    }
}

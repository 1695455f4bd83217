package org.duban.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the key-task plan (重点工作推进计划表): owner, deadline, acceptance standard (检验标准), deliverable. */
public record KeyTask(UUID id, UUID campaignId, String title, String description, Phase phase, UUID ownerUnitId,
                      String ownerPerson, String coUnits, LocalDate startsOn, LocalDate deadline,
                      String acceptanceStandard, String deliverable, KeyTaskStatus status, int percent, long version,
                      String updatedBy, Instant updatedAt) {

    public boolean overdue(LocalDate today) {
        return status != KeyTaskStatus.DONE && today.isAfter(deadline);
    }

    public record Progress(UUID id, LocalDate reportedOn, String text, int percent, String reportedBy) {
    }

    public record Change(java.time.LocalDateTime at, String actor, String field, String oldValue, String newValue) {
    }
}

package org.duban.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An inspection with its targets, inspectors, checklist answers and findings. */
public record Inspection(UUID id, UUID ownerUnitId, UUID campaignId, InspectionType type, String title,
                         LocalDate plannedOn, InspectionStatus status, UUID drawId, String summary, long version,
                         String updatedBy, Instant updatedAt, List<Target> targets, List<Inspector> inspectors,
                         Map<String, Check> checks, List<Finding> findings) {

    public record Target(int position, String subjectType, String subjectId, UUID unitId, String label) {
    }

    public record Inspector(UUID staffId, String name) {
    }

    public record Check(String itemCode, String result, String note) {
    }

    public record Finding(UUID id, String itemCode, String category, String targetLabel, String description,
                          String evidence, LocalDate foundOn, UUID problemId, long version, String recordedBy) {
    }

    /** Unannounced visits stay confidential to the work team until they are closed. */
    public boolean confidential() {
        return type == InspectionType.UNANNOUNCED && status != InspectionStatus.CLOSED;
    }

    public boolean closed() {
        return status == InspectionStatus.CLOSED;
    }
}

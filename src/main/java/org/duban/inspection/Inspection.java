package org.duban.inspection;

import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An inspection with its targets, inspectors, checklist answers and findings. It guards
 * its life cycle (planned → in progress → closed): each action returns the status it
 * leads to or refuses with a named reason; {@link Inspections} stores the result.
 */
@AggregateRoot
public record Inspection(UUID id, UUID ownerUnitId, UUID campaignId, InspectionType type, String title,
        LocalDate plannedOn, InspectionStatus status, UUID drawId, String summary, long version, String updatedBy,
        Instant updatedAt, List<Target> targets, List<Inspector> inspectors, Map<String, Check> checks,
        List<Finding> findings) {

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

    /**
     * Answering the checklist or recording a finding: the first record moves a planned
     * inspection into progress.
     */
    public InspectionStatus record() {
        requireOpen();
        return status == InspectionStatus.PLANNED ? InspectionStatus.IN_PROGRESS : status;
    }

    /**
     * Closing makes the inspection read-only (and an unannounced visit visible beyond the
     * work team).
     */
    public InspectionStatus close() {
        requireOpen();
        return InspectionStatus.CLOSED;
    }

    /**
     * A finding becomes one ledger problem, once; the finding to register is returned.
     */
    public Finding findingToRegister(UUID findingId) {
        Finding finding = findings.stream()
            .filter(f -> f.id().equals(findingId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("finding " + findingId));
        if (finding.problemId() != null) {
            throw new BusinessRuleViolation("inspection.finding.alreadyRegistered");
        }
        return finding;
    }

    private void requireOpen() {
        if (closed()) {
            throw new BusinessRuleViolation("inspection.closed");
        }
    }
}

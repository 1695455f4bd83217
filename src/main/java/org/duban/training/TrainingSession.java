package org.duban.training;

import org.duban.shared.BusinessRuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A training session and its life cycle: attendance can be recorded once the day has come
 * (the session is then held, and attendance may be corrected); a planned session can be
 * cancelled; a cancelled one takes no attendance.
 */
public record TrainingSession(UUID id, UUID unitId, String topic, LocalDate heldOn, String place, String materials,
        TrainingStatus status, List<UUID> targetUnits, long version, String createdBy) {

    public TrainingStatus recordAttendance(LocalDate today) {
        if (status == TrainingStatus.CANCELLED) {
            throw new BusinessRuleViolation("training.transition.cancelled");
        }
        if (heldOn.isAfter(today)) {
            throw new BusinessRuleViolation("training.attendance.notYet");
        }
        return TrainingStatus.HELD;
    }

    public TrainingStatus cancel() {
        if (status != TrainingStatus.PLANNED) {
            throw new BusinessRuleViolation("training.cancel.notPlanned");
        }
        return TrainingStatus.CANCELLED;
    }

    public void edit() {
        if (status != TrainingStatus.PLANNED) {
            throw new BusinessRuleViolation("training.edit.notPlanned");
        }
    }
}

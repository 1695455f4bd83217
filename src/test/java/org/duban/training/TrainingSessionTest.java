package org.duban.training;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A training session in every status: attendance, cancellation and editing, refused by
 * name.
 */
class TrainingSessionTest {

    static final LocalDate DAY = LocalDate.of(2023, 6, 15);

    static TrainingSession in(TrainingStatus status, LocalDate on) {
        return new TrainingSession(UUID.randomUUID(), UUID.randomUUID(), "t", on, "p", null, status,
                List.of(UUID.randomUUID()), 0, "workteam");
    }

    static String refusal(Runnable action) {
        BusinessRuleViolation refused = catchThrowableOfType(BusinessRuleViolation.class, action::run);
        return refused == null ? null : refused.messageKey();
    }

    @ParameterizedTest
    @EnumSource(TrainingStatus.class)
    void attendanceOnceTheDayHasComeUnlessCancelled(TrainingStatus s) {
        assertThat(refusal(() -> in(s, DAY).recordAttendance(DAY)))
            .isEqualTo(s == TrainingStatus.CANCELLED ? "training.transition.cancelled" : null);
        assertThat(refusal(() -> in(s, DAY.plusDays(1)).recordAttendance(DAY)))
            .isEqualTo(s == TrainingStatus.CANCELLED ? "training.transition.cancelled" : "training.attendance.notYet");
        if (s != TrainingStatus.CANCELLED) {
            assertThat(in(s, DAY).recordAttendance(DAY)).isEqualTo(TrainingStatus.HELD);
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingStatus.class)
    void onlyAPlannedSessionIsCancelledOrEdited(TrainingStatus s) {
        assertThat(refusal(() -> in(s, DAY).cancel()))
            .isEqualTo(s == TrainingStatus.PLANNED ? null : "training.cancel.notPlanned");
        assertThat(refusal(() -> in(s, DAY).edit()))
            .isEqualTo(s == TrainingStatus.PLANNED ? null : "training.edit.notPlanned");
    }

}

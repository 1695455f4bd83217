package org.duban.inspection;

import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action of the inspection life cycle in every status: what it leads to, or its
 * named refusal.
 */
class InspectionTest {

    static final UUID FINDING = UUID.randomUUID();

    static Inspection in(InspectionStatus status, UUID linkedProblem) {
        var finding = new Inspection.Finding(FINDING, null, "IRREGULAR", null, "d", "e", LocalDate.of(2023, 5, 4),
                linkedProblem, 0, "workteam");
        return new Inspection(UUID.randomUUID(), UUID.randomUUID(), null, InspectionType.SURPRISE, "t",
                LocalDate.of(2023, 5, 4), status, null, null, 2, "workteam", null, List.of(), List.of(), Map.of(),
                List.of(finding));
    }

    @Test
    void theFirstRecordMovesAPlannedInspectionIntoProgress() {
        assertThat(in(InspectionStatus.PLANNED, null).record()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(in(InspectionStatus.IN_PROGRESS, null).record()).isEqualTo(InspectionStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @EnumSource(InspectionStatus.class)
    void recordingAndClosingAreRefusedOnlyOnceClosed(InspectionStatus status) {
        Inspection inspection = in(status, null);
        if (status == InspectionStatus.CLOSED) {
            assertThatThrownBy(inspection::record).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("inspection.closed");
            assertThatThrownBy(inspection::close).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("inspection.closed");
        }
        else {
            assertThat(inspection.close()).isEqualTo(InspectionStatus.CLOSED);
        }
    }

    @ParameterizedTest
    @EnumSource(InspectionStatus.class)
    void aFindingBecomesAProblemOnceInAnyStatus(InspectionStatus status) {
        assertThat(in(status, null).findingToRegister(FINDING).id()).isEqualTo(FINDING);
        assertThatThrownBy(() -> in(status, UUID.randomUUID()).findingToRegister(FINDING))
            .isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("alreadyRegistered");
        assertThatThrownBy(() -> in(status, null).findingToRegister(UUID.randomUUID()))
            .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnannouncedVisitIsConfidentialUntilClosed() {
        for (InspectionStatus status : InspectionStatus.values()) {
            Inspection i = in(status, null);
            Inspection unannounced = new Inspection(i.id(), i.ownerUnitId(), null, InspectionType.UNANNOUNCED,
                    i.title(), i.plannedOn(), status, null, null, 0, null, null, List.of(), List.of(), Map.of(),
                    List.of());
            assertThat(unannounced.confidential()).isEqualTo(status != InspectionStatus.CLOSED);
            assertThat(i.confidential()).isFalse();
        }
    }

}

package org.duban.campaign;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phase rules of the campaign aggregate, on the notice's own 2023 windows. */
class CampaignPhasesTest {

    static List<PhaseWindow> notice2023() {
        return List.of(new PhaseWindow(Phase.MOBILISATION, LocalDate.of(2023, 3, 21), LocalDate.of(2023, 3, 24)),
                new PhaseWindow(Phase.SELF_INSPECTION, LocalDate.of(2023, 3, 25), LocalDate.of(2023, 6, 30)),
                new PhaseWindow(Phase.RECTIFICATION, LocalDate.of(2023, 7, 1), LocalDate.of(2023, 10, 31)),
                new PhaseWindow(Phase.CONSOLIDATION, LocalDate.of(2023, 11, 1), null));
    }

    static Campaign campaign(List<PhaseWindow> phases) {
        return new Campaign(UUID.randomUUID(), UUID.randomUUID(), "t", null, "a", null, null, LocalDate.of(2023, 3, 21),
                null, null, CampaignStatus.ACTIVE, phases, 0, null, null);
    }

    @Test
    void theCurrentPhaseIsDerivedFromTheDate() {
        Campaign c = campaign(notice2023());
        assertThat(c.currentPhase(LocalDate.of(2023, 3, 24))).contains(Phase.MOBILISATION);
        assertThat(c.currentPhase(LocalDate.of(2023, 3, 25))).contains(Phase.SELF_INSPECTION);
        assertThat(c.currentPhase(LocalDate.of(2023, 8, 15))).contains(Phase.RECTIFICATION);
        assertThat(c.currentPhase(LocalDate.of(2026, 11, 27))).contains(Phase.CONSOLIDATION);
        assertThat(c.currentPhase(LocalDate.of(2023, 3, 1))).isEmpty();
    }

    @Test
    void theNoticesPhasesAreAccepted() {
        Campaign.checkPhases(notice2023());
    }

    @Test
    void overlappingPhasesAreRefused() {
        var phases = new java.util.ArrayList<>(notice2023());
        phases.set(2, new PhaseWindow(Phase.RECTIFICATION, LocalDate.of(2023, 6, 30), LocalDate.of(2023, 10, 31)));
        assertThatThrownBy(() -> Campaign.checkPhases(phases)).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("campaign.phase.overlap");
    }

    @Test
    void onlyTheLastPhaseMayBeOpenEnded() {
        var phases = new java.util.ArrayList<>(notice2023());
        phases.set(1, new PhaseWindow(Phase.SELF_INSPECTION, LocalDate.of(2023, 3, 25), null));
        assertThatThrownBy(() -> Campaign.checkPhases(phases)).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("campaign.phase.onlyLastOpen");
    }

    @Test
    void aPhaseEndingBeforeItStartsIsRefused() {
        var phases = new java.util.ArrayList<>(notice2023());
        phases.set(0, new PhaseWindow(Phase.MOBILISATION, LocalDate.of(2023, 3, 21), LocalDate.of(2023, 3, 20)));
        assertThatThrownBy(() -> Campaign.checkPhases(phases)).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("campaign.phase.endsBeforeStart");
    }

    @Test
    void aPhaseWithoutStartIsRefused() {
        var phases = new java.util.ArrayList<>(notice2023());
        phases.set(3, new PhaseWindow(Phase.CONSOLIDATION, null, null));
        assertThatThrownBy(() -> Campaign.checkPhases(phases)).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("campaign.phase.startMissing");
    }

}

package org.duban.campaign;

import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A special rectification campaign. Guards its own rules: phases are in the notice's
 * order, do not overlap, and only the last one may be open-ended.
 */
public record Campaign(UUID id, UUID ownerUnitId, String title, String documentNumber, String issuingAgency,
        String signer, LocalDate issuedOn, LocalDate startsOn, LocalDate endsOn, String noticeText,
        CampaignStatus status, List<PhaseWindow> phases, long version, String updatedBy, Instant updatedAt) {

    public Campaign {
        phases = phases == null ? List.of() : phases.stream().sorted(Comparator.comparing(PhaseWindow::phase)).toList();
    }

    /** The phase whose window holds {@code today}; derived, never stored. */
    public Optional<Phase> currentPhase(LocalDate today) {
        return phases.stream().filter(p -> p.contains(today)).map(PhaseWindow::phase).findFirst();
    }

    /**
     * The phases whose windows overlap {@code from}–{@code to}, in order (a month may
     * span two phases).
     */
    public List<Phase> phasesBetween(LocalDate from, LocalDate to) {
        return phases.stream()
            .filter(p -> !p.startsOn().isAfter(to) && (p.endsOn() == null || !p.endsOn().isBefore(from)))
            .map(PhaseWindow::phase)
            .toList();
    }

    public Optional<PhaseWindow> window(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).findFirst();
    }

    /**
     * Checks a proposed set of phase windows; throws a refusal naming the first broken
     * rule.
     */
    static void checkPhases(List<PhaseWindow> windows) {
        List<PhaseWindow> sorted = windows.stream().sorted(Comparator.comparing(PhaseWindow::phase)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            PhaseWindow w = sorted.get(i);
            if (w.startsOn() == null) {
                throw new BusinessRuleViolation("campaign.phase.startMissing", w.phase().name());
            }
            if (w.endsOn() != null && w.endsOn().isBefore(w.startsOn())) {
                throw new BusinessRuleViolation("campaign.phase.endsBeforeStart", w.phase().name());
            }
            boolean last = i == sorted.size() - 1;
            if (w.endsOn() == null && !last) {
                throw new BusinessRuleViolation("campaign.phase.onlyLastOpen", w.phase().name());
            }
            if (i > 0) {
                PhaseWindow previous = sorted.get(i - 1);
                if (!w.startsOn().isAfter(previous.endsOn())) {
                    throw new BusinessRuleViolation("campaign.phase.overlap", w.phase().name());
                }
            }
        }
    }
}

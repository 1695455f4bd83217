package org.duban.campaign;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The four phase windows edited together, since each window's rules depend on its
 * neighbours.
 */
public record PhasesForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> endsOn, Long version) {

    /**
     * Always one slot per phase, so a re-rendered form has a field for each even after a
     * bad submission.
     */
    public PhasesForm {
        startsOn = padded(startsOn);
        endsOn = padded(endsOn);
    }

    private static List<LocalDate> padded(List<LocalDate> dates) {
        List<LocalDate> result = new ArrayList<>(dates == null ? List.of() : dates);
        while (result.size() < Phase.values().length) {
            result.add(null);
        }
        return result.subList(0, Phase.values().length);
    }

    public static PhasesForm of(Campaign campaign) {
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            starts.add(campaign.window(phase).map(PhaseWindow::startsOn).orElse(null));
            ends.add(campaign.window(phase).map(PhaseWindow::endsOn).orElse(null));
        }
        return new PhasesForm(starts, ends, campaign.version());
    }

    List<PhaseWindow> windows() {
        List<PhaseWindow> windows = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            int i = phase.ordinal();
            windows.add(new PhaseWindow(phase, startsOn.get(i), endsOn.get(i)));
        }
        return windows;
    }
}

package org.duban.campaign;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The four phase windows edited together, since each window's rules depend on its neighbours. */
public record PhasesForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> endsOn,
        Long version) {

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
            LocalDate start = startsOn != null && startsOn.size() > i ? startsOn.get(i) : null;
            LocalDate end = endsOn != null && endsOn.size() > i ? endsOn.get(i) : null;
            windows.add(new PhaseWindow(phase, start, end));
        }
        return windows;
    }
}

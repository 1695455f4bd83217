package org.duban.campaign;

import java.time.LocalDate;

/**
 * A phase's date window; {@code endsOn} null means open-ended (the notice's 总结提升 is
 * "长期推进").
 */
public record PhaseWindow(Phase phase, LocalDate startsOn, LocalDate endsOn) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}

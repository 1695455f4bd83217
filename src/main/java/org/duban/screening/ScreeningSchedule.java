package org.duban.screening;

import org.duban.shared.BureauClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Screens all cases every night (one instance of several does it: ShedLock), so findings
 * follow new imports.
 */
@Component
class ScreeningSchedule {

    private static final Logger log = LoggerFactory.getLogger(ScreeningSchedule.class);

    private final Screening screening;

    ScreeningSchedule(Screening screening) {
        this.screening = screening;
    }

    @Scheduled(cron = "${duban.screening.cron:0 30 2 * * *}", zone = "${duban.zone:" + BureauClock.DEFAULT_ZONE + "}")
    @SchedulerLock(name = "screening-nightly", lockAtMostFor = "PT2H")
    void nightly() {
        Screening.RunResult run = screening.run(Screening.Trigger.SCHEDULE, "schedule", null);
        log.info("scheduled screening {}: {} cases, {} findings", run.id(), run.caseCount(), run.findingCount());
    }

}

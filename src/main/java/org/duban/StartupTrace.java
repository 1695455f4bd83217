package org.duban;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Where the start-up time goes: with {@code -Dduban.startup-trace=N} the application
 * records Spring's start-up steps and, once ready, logs the N steps that took longest by
 * their own time (a bean's creation without the beans it created meanwhile), named by
 * bean or configuration. Off by default: recording costs memory and a little time. For
 * {@code bench/screen-bench.sh} and docs/screening.md's start-up figures (issue 16).
 */
final class StartupTrace implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupTrace.class);

    private final BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);

    private final int top;

    private StartupTrace(int top) {
        this.top = top;
    }

    /** Records the start-up of {@code application} if the system property asks for it. */
    static void attachIfAsked(SpringApplication application) {
        int top = Integer.getInteger("duban.startup-trace", 0);
        if (top > 0) {
            StartupTrace trace = new StartupTrace(top);
            application.setApplicationStartup(trace.startup);
            application.addListeners(trace);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> childNanos = new HashMap<>();
        for (TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                childNanos.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        Map<String, Long> byStepName = new HashMap<>();
        for (TimelineEvent e : events) {
            byStepName.merge(e.getStartupStep().getName(), own(e, childNanos), Long::sum);
        }
        log.info("start-up steps by own time: {}",
                byStepName.entrySet()
                    .stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(s -> s.getKey() + " " + s.getValue() / 1_000_000 + " ms")
                    .collect(Collectors.joining(", ")));
        String slowest = events.stream()
            .sorted((a, b) -> Long.compare(own(b, childNanos), own(a, childNanos)))
            .limit(top)
            .map(e -> own(e, childNanos) / 1_000_000 + " ms " + e.getStartupStep().getName() + " "
                    + describe(e.getStartupStep()) + " (with children "
                    + Duration.between(e.getStartTime(), e.getEndTime()).toMillis() + " ms)")
            .collect(Collectors.joining("\n  "));
        log.info("start-up: the {} slowest steps by own time:\n  {}", top, slowest);
    }

    private static long own(TimelineEvent e, Map<Long, Long> childNanos) {
        return e.getDuration().toNanos() - childNanos.getOrDefault(e.getStartupStep().getId(), 0L);
    }

    private static String describe(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
            .map(t -> t.getKey() + "=" + t.getValue())
            .collect(Collectors.joining(" "));
    }

}

package org.duban.todo;

import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;

/**
 * Dates the demonstration's hand-over notices at the step they announce (ADR 0010). The
 * demonstration acts through the real services on the day it is loaded and then moves its
 * records into 2023; the notices, sent after each commit by {@link HandOverNotices}, kept
 * the day of loading. Last of the loaders, this waits for those notices (the listeners
 * run after the commit, on other threads) and dates each by its step: the problem's
 * change or the complaint's entry of the event's action, the key task's creation or
 * latest progress, the accountability case's proposal or decision; reports, draws and
 * hand-downs are acted on at their 2023 times already, so their event's time is the
 * step's. A notice is only ever moved back, and only when its step lies more than an hour
 * before it: a notice sent at its step (every notice outside the demonstration) keeps its
 * time, and a second run changes nothing.
 */
@Component
@Order(1000)
class HandOverNoticeDates implements DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(HandOverNoticeDates.class);

    /** How long the loader waits for the notices still being sent. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * Each hand-over notice (its dedup key is {@code event:<event id>}) with the time of
     * the step it announces, read from the event in the publication registry and the
     * record it is about. A live step (the record's row written at the event's time) is
     * the event's time; a step the demonstration moved is the record's time for the
     * event's action.
     */
    static final String STEPS = """
            with notice as (
                select n.id, n.created_at, n.link, e.serialized_event::jsonb as ev
                from notification n
                join event_publication e on e.serialized_event::jsonb ->> 'eventId' = substr(n.dedup_key, 7)
                where n.dedup_key like 'event:%'
            ), step as (
                select id, created_at, link, case
                    when link like '/problems/%' then (
                        select coalesce(max(c.at) filter (where abs(extract(epoch from c.at - (ev ->> 'at')::timestamptz)) < 60),
                                        min(c.at))
                        from problem_change c
                        where c.problem_id = (ev ->> 'problemId')::uuid and c.action = ev ->> 'action')
                    when link like '/complaints/%' then coalesce((
                        select coalesce(max(c.created_at) filter (where abs(extract(epoch from c.created_at - (ev ->> 'at')::timestamptz)) < 60),
                                        min(c.created_at))
                        from complaint_entry c
                        where c.complaint_id = (ev ->> 'complaintId')::uuid and c.kind = 'TRANSITION'
                          and c.action = ev ->> 'action'),
                        (select c.submitted_at from complaint c where c.id = (ev ->> 'complaintId')::uuid))
                    when link like '/tasks/%' and ev ->> 'action' = 'assigned' then (
                        select t.created_at from key_task t where t.id = (ev ->> 'taskId')::uuid)
                    when link like '/tasks/%' then (
                        select max(p.reported_at) from key_task_progress p
                        where p.task_id = (ev ->> 'taskId')::uuid and p.reported_at <= coalesce((ev ->> 'at')::timestamptz, now()))
                    when link like '/accountability/%' then (
                        select case when ev ->> 'decidedKind' is not null then a.updated_at else a.proposed_at end
                        from accountability_record a where a.id = (ev ->> 'caseId')::uuid)
                    else (ev ->> 'at')::timestamptz
                end as at
                from notice
            )
            """;

    private final JdbcClient jdbc;

    private final DemoMode demoMode;

    HandOverNoticeDates(JdbcClient jdbc, DemoMode demoMode) {
        this.jdbc = jdbc;
        this.demoMode = demoMode;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!demoMode.wanted()) {
            return;
        }
        long waited = awaitNotices();
        int dated = jdbc.sql(STEPS + """
                update notification n set created_at = step.at from step
                where n.id = step.id and step.at < n.created_at - interval '1 hour'
                """).update();
        if (dated > 0) {
            log.info("Demonstration hand-over notices dated at their step: {} (waited {} ms for them)", dated, waited);
        }
    }

    /**
     * Waits until no event published since this JVM started is incomplete, at most
     * {@link #WAIT} (an older publication a listener keeps failing on must not hold up
     * every start).
     */
    private long awaitNotices() throws InterruptedException {
        Timestamp started = new Timestamp(ManagementFactory.getRuntimeMXBean().getStartTime());
        long start = System.nanoTime();
        long deadline = start + WAIT.toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("""
                select exists (select 1 from event_publication
                               where completion_date is null and publication_date >= :started)
                """).param("started", started).query(Boolean.class).single()) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

}

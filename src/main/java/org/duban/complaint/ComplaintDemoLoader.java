package org.duban.complaint;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Demonstration complaints ({@code demo/complaints.json}), only into an empty complaint
 * table: every channel and type, in every stage (new, accepted, in handling, extended,
 * awaiting review, answered, rated, reopened, declined, closed as duplicate,
 * transferred). Each goes through the module's own service, step by step, so it obeys the
 * same rules and leaves the same history and audit trail as real work; after each step
 * its dates are set back to the day the data file gives (days before
 * {@link #REFERENCE_DAY}, late in the campaign's rectification phase), so that the
 * complaints sit in 2023 with the problems they led to, and time limits, overdue marks
 * and the on-time rate look like the campaign did. Each complaint is addressed to a
 * bureau (its code; the founding county's by default) and goes to that bureau's intake
 * unit. The audit trail keeps the real time of loading.
 */
@Component
@Order(200)
class ComplaintDemoLoader implements DemoLoader {

    record Data(List<Item> complaints) {
    }

    record Item(String key, String bureau, Channel channel, ComplaintType type, int daysBefore, String content,
            Integer occurredDaysBefore, String location, String unitConcerned, boolean anonymous, String name,
            String phone, List<Step> steps) {
    }

    record Step(String action, int day, String actor, String unit, String text, String reason, String result,
            String feedback, Integer days, Closure closure, Satisfaction satisfaction, String comment) {
    }

    private static final Logger log = LoggerFactory.getLogger(ComplaintDemoLoader.class);

    /**
     * The day the demonstration's complaints count back from: a Friday late in 2023's
     * rectification phase.
     */
    static final LocalDate REFERENCE_DAY = LocalDate.of(2023, 10, 27);

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Complaints complaints;

    private final TransactionTemplate tx;

    private final Clock clock;

    ComplaintDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Complaints complaints,
            TransactionTemplate tx, Clock clock) {
        this.clock = clock;
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.complaints = complaints;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || units.all().isEmpty()
                || jdbc.sql("select count(*) from complaint").query(Integer.class).single() > 0) {
            return;
        }
        Data data;
        try (InputStream in = new ClassPathResource("demo/complaints.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Data.class);
        }
        // Each step acts as its own demonstration login (DemoMode.actAs); nobody is
        // signed in for the public's steps.
        demoMode.runAs(null, () -> tx.executeWithoutResult(status -> {
            DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
            data.complaints().forEach(item -> load(item, all));
            // The numbers were moved to the year of submission: the counters follow, so
            // the first real complaint of this year is number 1.
            jdbc.sql("delete from complaint_number_counter").update();
            jdbc.sql("""
                    insert into complaint_number_counter (owner_unit_id, year, last)
                    select owner_unit_id, cast(substr(number, 4, 4) as integer), max(cast(substr(number, 9) as integer))
                    from complaint group by 1, 2
                    """).update();
        }));
        log.info("Demonstration data loaded: {} complaints", data.complaints().size());
    }

    /**
     * One complaint: submitted by the public or registered by staff of its bureau, then
     * its steps.
     */
    private void load(Item item, DataScope all) {
        LocalDate today = REFERENCE_DAY;
        Instant submittedAt = today.minusDays(item.daysBefore())
            .atTime(LocalTime.of(9, 0))
            .atZone(clock.getZone())
            .toInstant()
            .plus(Duration.ofMinutes(item.key().hashCode() & 0xff));
        boolean staffChannel = item.channel() != Channel.WEB && item.channel() != Channel.API;
        demoMode.actAs(staffChannel ? workTeamOf(item.bureau()) : null);
        Submitted submitted = complaints.submit(
                new NewComplaint(item.type(), item.content(),
                        item.occurredDaysBefore() == null ? null : today.minusDays(item.occurredDaysBefore()),
                        item.location(), item.unitConcerned(), item.anonymous(), item.name(), item.phone()),
                item.channel(), item.key(), List.of(),
                complaints.intakeUnitFor(item.bureau() == null ? "OTOGQ" : item.bureau()));
        UUID id = submitted.complaintId();
        LocalDate submittedOn = today.minusDays(item.daysBefore());
        jdbc.sql("""
                update complaint set submitted_at = :at, updated_at = :at, acknowledge_due_on = :ack, due_on = :due,
                                     number = 'TS-' || :year || substr(number, 8)
                where id = :id
                """)
            // The number carries the year of submission (TS-2023-…), like the times.
            .param("year", String.valueOf(submittedOn.getYear()))
            .param("at", Timestamp.from(submittedAt))
            .param("ack", Date.valueOf(complaints.acknowledgeDue(submittedOn)))
            .param("due", Date.valueOf(complaints.answerDue(submittedOn, item.type())))
            .param("id", id)
            .update();
        int n = 0;
        for (Step step : item.steps()) {
            if (step.day() >= item.daysBefore()) {
                throw new IllegalStateException(item.key() + ": a step cannot happen today or later");
            }
            Instant at = submittedAt.plus(Duration.ofDays(step.day())).plus(Duration.ofMinutes(47L * ++n));
            demoMode.actAs(step.actor());
            String column = perform(step, id, submitted.receipt(), all);
            backdate(id, column, at);
        }
    }

    /**
     * Runs one step through the service; returns the complaint column that holds the
     * step's time, if any.
     */
    private String perform(Step step, UUID id, String receipt, DataScope all) {
        switch (step.action()) {
            case "accept" -> {
                complaints.accept(id, version(id), all);
                return "accepted_at";
            }
            case "assign" -> complaints.assign(id, version(id), unit(step.unit()), all);
            case "note" -> complaints.addNote(id, step.text(), all);
            case "information" -> complaints.addInformation(receipt, step.text());
            case "extend" -> complaints.extend(id, version(id), step.days(), step.reason(), all);
            case "answer" -> complaints.answer(id, version(id), step.result(), step.feedback(), all);
            case "publish" -> {
                complaints.reviewFeedback(id, version(id), true, step.feedback(), all);
                return "answered_at";
            }
            case "rate" -> {
                complaints.rate(receipt, step.satisfaction(), step.comment());
                return "rated_at";
            }
            case "decline" -> {
                complaints.decline(id, version(id), step.reason(), all);
                return "closed_at";
            }
            case "close" -> {
                complaints.close(id, version(id), step.closure(), step.reason(), all);
                return "closed_at";
            }
            case "transfer" -> complaints.transfer(id, version(id), unit(step.unit()), step.reason(), all);
            default -> throw new IllegalStateException("unknown demonstration step " + step.action());
        }
        return null;
    }

    /**
     * The step's history line and the complaint's time columns it set now get the step's
     * own time.
     */
    private void backdate(UUID id, String column, Instant at) {
        Timestamp time = Timestamp.from(at);
        jdbc.sql("""
                update complaint_entry set created_at = :at where id = (
                    select id from complaint_entry where complaint_id = :id order by created_at desc limit 1)
                """).param("at", time).param("id", id).update();
        // A satisfied rating also closes the complaint: its closing time is the rating's.
        String closedByRating = "rated_at".equals(column)
                ? ", closed_at = case when closed_at is null then null else cast(:at as timestamp with time zone) end"
                : "";
        jdbc.sql("update complaint set updated_at = :at" + closedByRating
                + (column == null ? "" : ", " + column + " = :at") + " where id = :id")
            .param("at", time)
            .param("id", id)
            .update();
    }

    /**
     * The demonstration work-team login of a bureau: {@code workteam} for the founding
     * county, else by code.
     */
    private static String workTeamOf(String bureau) {
        return bureau == null || bureau.equals("OTOGQ") ? "workteam" : bureau.toLowerCase() + "-workteam";
    }

    private long version(UUID id) {
        return jdbc.sql("select version from complaint where id = :id").param("id", id).query(Long.class).single();
    }

    private UUID unit(String code) {
        return units.findByCode(code).map(OrgUnit::id).orElseThrow(() -> new IllegalStateException("no unit " + code));
    }

}

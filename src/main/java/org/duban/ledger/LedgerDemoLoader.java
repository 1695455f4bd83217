package org.duban.ledger;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demonstration problems ({@code demo/problems.json}), only into an empty problem table:
 * every source and kind, spread over the demo county's units and the campaign's months,
 * in every stage of the life cycle (registered, assigned, under verification, confirmed,
 * unfounded, rectifying — one reopened, one sent back —, rectified, verified, signed
 * off), some confidential (officers named), some overdue; and a few accountability
 * records, one of them a fault-tolerance exemption.
 *
 * <p>
 * Each problem goes through the ledger's own services step by step, as the demo users
 * (with their real permissions), so it obeys the same rules and leaves the same timeline
 * and audit trail as real work. After each step its dates are set back to the day the
 * data file gives ({@code found}, a date of the campaign, or {@code foundDaysAgo} for the
 * ongoing consolidation phase; steps {@code day}s after it), like
 * {@code ComplaintDemoLoader} does, so the campaign's months have figures. The audit
 * trail keeps the real time of loading.
 */
@Component
@Order(150)
class LedgerDemoLoader implements DemoLoader {

    record Data(List<Item> problems, List<Accountability> accountability, List<Interview> interviews) {
    }

    record Item(String key, ProblemSource source, ProblemCategory category, String item, String unit, String officers,
            boolean confidential, LocalDate found, Integer foundDaysAgo, String description, List<Step> steps,
            String location) {
    }

    record Step(String action, int day, String actor, String unit, Integer days, String person, String text,
            String owner, String file, Boolean passed) {
    }

    record Interview(String problem, String unit, String interviewer, String interviewee, LocalDate held, String reason,
            String minutes, String followUp) {
    }

    record Accountability(String problem, String person, String unit, AccountabilityKind kind, String grounds,
            LocalDate decided, String proposal, String meeting) {
    }

    /** A one-page PDF and a 1×1 PNG: they pass the evidence store's content checks. */
    static final byte[] PDF = org.duban.shared.DemoFiles.PDF;

    static final byte[] PNG = Base64.getDecoder()
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static final Logger log = LoggerFactory.getLogger(LedgerDemoLoader.class);

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Problems problems;

    private final ProblemLedger ledger;

    private final AccountabilityRecords accountability;

    private final WorkingDays workingDays;

    private final UserDetailsService users;

    private final TransactionTemplate tx;

    private final Clock clock;

    private final Map<String, UserDetails> actors = new HashMap<>();

    private final Map<String, UUID> unitIds = new HashMap<>();

    LedgerDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Problems problems, ProblemLedger ledger,
            AccountabilityRecords accountability, WorkingDays workingDays, UserDetailsService users,
            TransactionTemplate tx, Clock clock) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.problems = problems;
        this.ledger = ledger;
        this.accountability = accountability;
        this.workingDays = workingDays;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || units.all().isEmpty()
                || jdbc.sql("select count(*) from problem").query(Integer.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Data data;
        try (InputStream in = new ClassPathResource("demo/problems.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Data.class);
        }
        try {
            // Each step acts as its own demonstration login, with its real roles (actAs).
            demoMode.runAs(null, () -> tx.executeWithoutResult(status -> {
                units.all().forEach(u -> unitIds.put(u.code(), u.id()));
                DataScope all = new DataScope(new HashSet<>(unitIds.values()), "/");
                Instant loading = clock.instant();
                Map<String, UUID> ids = new HashMap<>();
                data.problems().forEach(item -> ids.put(item.key(), load(item, all, loading)));
                data.accountability().forEach(a -> record(a, ids, all));
                if (data.interviews() != null) {
                    data.interviews().forEach(i -> interview(i, ids, all));
                }
            }));
        }
        finally {
            actors.clear();
            unitIds.clear();
        }
        log.info("Demonstration data loaded: {} problems, {} accountability records in {} ms", data.problems().size(),
                data.accountability().size(), (System.nanoTime() - started) / 1_000_000);
    }

    private UUID load(Item item, DataScope all, Instant loading) {
        LocalDate foundOn = item.found() != null ? item.found() : ledger.today().minusDays(item.foundDaysAgo());
        Instant registeredAt = foundOn.atTime(LocalTime.of(9, 30))
            .atZone(clock.getZone())
            .toInstant()
            .plus(Duration.ofMinutes(item.key().hashCode() & 0xff));
        actAs("workteam");
        UUID id = problems.register(new NewProblem(null, item.source(), null, item.category(), item.item(),
                unit(item.unit()), item.officers(), item.description(), foundOn, item.confidential(), item.location()));
        List<String> times = new ArrayList<>(List.of(registeredAt.toString()));
        // Each step is one action of the ledger, which adds one to the version: no need
        // to read it back.
        long[] version = { 0 };
        int n = 0;
        for (Step step : item.steps()) {
            Instant at = registeredAt.plus(Duration.ofDays(step.day())).plus(Duration.ofMinutes(53L * ++n));
            if (!at.isBefore(loading)) {
                throw new IllegalStateException(item.key() + ": a step cannot happen now or later");
            }
            actAs(step.actor() == null ? "workteam" : step.actor());
            perform(step, id, version, all, at, loading);
            times.add(at.toString());
        }
        backdate(id, times, loading);
        return id;
    }

    /**
     * Runs one step through the ledger, then sets the dates it recorded to the step's own
     * day.
     */
    private void perform(Step step, UUID id, long[] version, DataScope all, Instant at, Instant loading) {
        LocalDate on = at.atZone(clock.getZone()).toLocalDate();
        switch (step.action()) {
            case "assign" -> {
                ledger.assign(id, version[0]++, unit(step.unit()), step.days(), all);
                LocalDate due = workingDays.add(on, step.days());
                set("update problem set assigned_on = :on, due_on = :due where id = :id", id, on, due);
                timelineValue(id, "assign", "assigned_on", on, loading);
                timelineValue(id, "assign", "due_on", due, loading);
            }
            case "verify" -> ledger.startVerification(id, version[0]++, all);
            case "confirm" -> ledger.decide(id, version[0]++, true, step.text(), all);
            case "dismiss" -> ledger.decide(id, version[0]++, false, step.text(), all);
            case "rectify" -> {
                // The ledger refuses a deadline already past; the plan is made with one
                // in the future and dated back.
                LocalDate deadline = on.plusDays(step.days());
                LocalDate today = ledger.today();
                ledger.startRectification(id, version[0]++, new ProblemLedger.Plan(unit(step.unit()), step.person(),
                        deadline.isBefore(today) ? today : deadline), all);
                set("update rectification set deadline = :on where problem_id = :id", id, deadline, null);
                timelineValue(id, "rectify", "deadline", deadline, loading);
            }
            case "measure" ->
                ledger.addMeasure(id, version[0]++, step.text(), step.owner(), on.plusDays(step.days()), all);
            case "evidence" -> {
                ledger.addEvidence(id, version[0]++, EvidenceStore.Purpose.RECTIFICATION, step.file(),
                        step.file().endsWith(".png") ? PNG : PDF, all);
                jdbc.sql("update ledger_file set uploaded_at = :at where problem_id = :id and uploaded_at >= :loading")
                    .param("at", Timestamp.from(at))
                    .param("id", id)
                    .param("loading", Timestamp.from(loading))
                    .update();
            }
            case "rectified" -> {
                ledger.reportRectified(id, version[0]++, step.text(), all);
                set("update rectification set completed_on = :on where problem_id = :id", id, on, null);
            }
            case "check" -> {
                ledger.checkRectification(id, version[0]++, step.passed(), step.text(), all);
                jdbc.sql("update rectification set verified_at = :at where problem_id = :id "
                        + "and verified_by is not null")
                    .param("at", Timestamp.from(at))
                    .param("id", id)
                    .update();
            }
            case "signOff" -> {
                ledger.signOff(id, version[0]++, all);
                jdbc.sql("update rectification set signed_off_at = :at where problem_id = :id")
                    .param("at", Timestamp.from(at))
                    .param("id", id)
                    .update();
            }
            case "reopen" -> ledger.reopen(id, version[0]++, step.text(), all);
            default -> throw new IllegalStateException("unknown demonstration step " + step.action());
        }
    }

    /**
     * The date a step's timeline row shows, as dated back (the row is not yet dated back
     * itself).
     */
    private void timelineValue(UUID id, String action, String field, LocalDate value, Instant loading) {
        jdbc.sql("""
                update problem_change set new_value = :value
                where problem_id = :id and action = :action and field = :field and at >= :loading
                """)
            .param("value", value.toString())
            .param("id", id)
            .param("action", action)
            .param("field", field)
            .param("loading", Timestamp.from(loading))
            .update();
    }

    private void set(String sql, UUID id, LocalDate on, LocalDate due) {
        var statement = jdbc.sql(sql).param("id", id).param("on", Date.valueOf(on));
        if (due != null) {
            statement = statement.param("due", Date.valueOf(due));
        }
        statement.update();
    }

    /**
     * The problem's timeline gets the steps' times, in one statement: the rows of one
     * action share the instant the ledger took for them, so the n-th distinct instant
     * since loading began is the n-th step's (the registration first). Its creation and
     * last change get the first and the last.
     */
    private void backdate(UUID id, List<String> times, Instant loading) {
        Timestamp since = Timestamp.from(loading);
        int actions = jdbc.sql("select count(distinct at) from problem_change where problem_id = :id and at >= :since")
            .param("id", id)
            .param("since", since)
            .query(Integer.class)
            .single();
        if (actions != times.size()) {
            throw new IllegalStateException(
                    "problem " + id + ": " + actions + " actions on the timeline, " + times.size() + " steps");
        }
        jdbc.sql("""
                with timeline as (
                    update problem_change c set at = cast((cast(:times as text[]))[s.n] as timestamp with time zone)
                    from (select id, dense_rank() over (order by at) as n from problem_change
                          where problem_id = :id and at >= :since) s
                    where c.id = s.id)
                update problem set created_at = cast(:first as timestamp with time zone),
                                   updated_at = cast(:last as timestamp with time zone)
                where id = :id
                """)
            .param("times", times.toArray(String[]::new))
            .param("id", id)
            .param("since", since)
            .param("first", times.get(0))
            .param("last", times.get(times.size() - 1))
            .update();
    }

    private void record(Accountability a, Map<String, UUID> ids, DataScope all) {
        actAs("workteam");
        String reference = jdbc.sql("select reference from problem where id = :id")
            .param("id", ids.get(a.problem()))
            .query(String.class)
            .single();
        // The work team proposes, the leading group decides at its meeting (a proposal
        // without a date stays open).
        UUID id = accountability.create(new AccountabilityForm(reference,
                a.person() == null ? AccountabilitySubject.UNIT : AccountabilitySubject.PERSON, a.person(),
                unit(a.unit()), a.kind(), a.proposal() == null ? a.grounds() : a.proposal()), all);
        LocalDate proposedOn = a.decided() == null ? LocalDate.of(2023, 9, 20) : a.decided().minusDays(7);
        jdbc.sql("update accountability_record set created_at = :at, proposed_at = :at where id = :id")
            .param("at", Timestamp.from(proposedOn.atTime(10, 0).atZone(clock.getZone()).toInstant()))
            .param("id", id)
            .update();
        if (a.decided() != null) {
            actAs("leader");
            accountability.decide(id,
                    new AccountabilityForm.DecisionForm(a.kind(), a.grounds(), a.meeting(), a.decided(), 0L), all);
            jdbc.sql("update accountability_record set updated_at = :at where id = :id")
                .param("at", Timestamp.from(a.decided().atTime(17, 30).atZone(clock.getZone()).toInstant()))
                .param("id", id)
                .update();
        }
    }

    private void interview(Interview i, Map<String, UUID> ids, DataScope all) {
        actAs("workteam");
        String reference = jdbc.sql("select reference from problem where id = :id")
            .param("id", ids.get(i.problem()))
            .query(String.class)
            .single();
        accountability.recordInterview(new InterviewForm(reference, unit(i.unit()), i.interviewer(), i.interviewee(),
                i.held(), i.reason(), i.minutes(), i.followUp()), all);
    }

    private UUID unit(String code) {
        UUID id = unitIds.get(code);
        if (id == null) {
            throw new IllegalStateException("no unit " + code);
        }
        return id;
    }

    /** The demonstration login a step is done as, with its real roles and permissions. */
    private void actAs(String login) {
        UserDetails user = actors.computeIfAbsent(login, users::loadUserByUsername);
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

}

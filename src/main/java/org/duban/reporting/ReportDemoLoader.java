package org.duban.reporting;

import org.duban.campaign.Campaigns;
import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BureauClock;
import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Demonstration monthly reports, March to October 2023, of each county to the city, at
 * every stage: received, returned once and received on the second version, submitted and
 * waiting, approved, drafted. Each step goes through {@link Reports} with a clock fixed
 * at the step's moment early in the following month, so the figures are drafted from the
 * data as it stood then and every time stamp (also of the frozen versions) lies in 2023.
 * Loaded after the ledgers and complaints it reports on, only into an empty report table.
 * Then the units' monthly reports to their county ({@link #UNITS}): every squad and the
 * brigade of 鄂托克前旗 from March to October at every stage, some late, one missing, one
 * returned and one returned then received; a few of the other counties' squads.
 */
@Component
@Order(300)
class ReportDemoLoader implements DemoLoader {

    /** How far a county's report for one month got. */
    enum Stage {

        DRAFT, APPROVED, SUBMITTED, RETURNED, RETURNED_THEN_RECEIVED, RECEIVED

    }

    /** A county's demonstration logins and the stages of its March…October reports. */
    record County(String code, String workTeam, String leader, int firstNumber, List<Stage> stages) {
    }

    static final List<County> COUNTIES = List.of(
            new County("OTOGQ", "workteam", "leader", 31,
                    List.of(Stage.RECEIVED, Stage.RECEIVED, Stage.RECEIVED, Stage.RECEIVED, Stage.RECEIVED,
                            Stage.RECEIVED, Stage.RETURNED_THEN_RECEIVED, Stage.SUBMITTED)),
            new County("OTOG", "otog-workteam", "otog-leader", 12,
                    List.of(Stage.RECEIVED, Stage.RECEIVED, Stage.RECEIVED, Stage.RECEIVED, Stage.RECEIVED,
                            Stage.RECEIVED, Stage.SUBMITTED, Stage.APPROVED)),
            new County("HANGJIN", "hangjin-workteam", "hangjin-leader", 17, List.of(Stage.RECEIVED, Stage.RECEIVED,
                    Stage.RECEIVED, Stage.RECEIVED, Stage.RETURNED, Stage.RECEIVED, Stage.SUBMITTED, Stage.DRAFT)));

    /**
     * How far a unit's report for one month got (a unit has no approval step); LATE is
     * received, but submitted after its due date, MISSING never drafted.
     */
    enum UnitStage {

        MISSING, DRAFT, SUBMITTED, RETURNED, RETURNED_THEN_RECEIVED, RECEIVED, LATE

    }

    /**
     * A unit's demonstration login, the work team of its county that receives, and the
     * stages of its reports from {@code firstMonth} on.
     */
    record UnitPlan(String login, String county, String receiver, int firstMonth, List<UnitStage> stages) {
    }

    static final List<UnitPlan> UNITS = List.of(new UnitPlan("unit", "OTOGQ", "workteam", 3,
            List.of(UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.RECEIVED,
                    UnitStage.RETURNED_THEN_RECEIVED, UnitStage.RECEIVED, UnitStage.SUBMITTED)),
            new UnitPlan("squad2", "OTOGQ", "workteam", 3,
                    List.of(UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.LATE, UnitStage.RECEIVED,
                            UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.RETURNED, UnitStage.DRAFT)),
            new UnitPlan("brigade", "OTOGQ", "workteam", 3,
                    List.of(UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.RECEIVED, UnitStage.RECEIVED,
                            UnitStage.MISSING, UnitStage.LATE, UnitStage.RECEIVED, UnitStage.SUBMITTED)),
            new UnitPlan("otog-unit", "OTOG", "otog-workteam", 8,
                    List.of(UnitStage.RECEIVED, UnitStage.SUBMITTED, UnitStage.DRAFT)),
            new UnitPlan("hangjin-unit", "HANGJIN", "hangjin-workteam", 9,
                    List.of(UnitStage.LATE, UnitStage.SUBMITTED)));

    private static final Logger log = LoggerFactory.getLogger(ReportDemoLoader.class);

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Campaigns campaigns;

    private final ReportFigures figures;

    private final ReportDrafting drafting;

    private final MessageSource messages;

    private final ApplicationEventPublisher events;

    private final UserDetailsService users;

    private final TransactionTemplate tx;

    private final WorkingDays workingDays;

    /** The demonstration's wall-clock times are the bureau's. */
    private final ZoneId zone;

    ReportDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Campaigns campaigns, ReportFigures figures,
            ReportDrafting drafting, MessageSource messages, ApplicationEventPublisher events, UserDetailsService users,
            TransactionTemplate tx, WorkingDays workingDays, BureauClock bureauClock) {
        this.workingDays = workingDays;
        this.zone = bureauClock.zone();
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.campaigns = campaigns;
        this.figures = figures;
        this.drafting = drafting;
        this.messages = messages;
        this.events = events;
        this.users = users;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.wanted() || units.findByCode("HANGJIN").isEmpty()
                || jdbc.sql("select count(*) from report").query(Integer.class).single() > 0) {
            return;
        }
        demoMode.runAs(null, () -> tx.executeWithoutResult(status -> {
            DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
            COUNTIES.forEach(county -> load(county, all));
            UNITS.forEach(unit -> load(unit, all));
        }));
        log.info("Demonstration data loaded: monthly reports of {} counties and {} units", COUNTIES.size(),
                UNITS.size());
    }

    private void load(County county, DataScope all) {
        UUID campaign = jdbc.sql("""
                select c.id from campaign c join org_unit o on o.id = c.owner_unit_id
                where o.code = :code order by c.starts_on limit 1
                """).param("code", county.code()).query(UUID.class).single();
        int number = county.firstNumber();
        for (int i = 0; i < county.stages().size(); i++) {
            YearMonth month = YearMonth.of(2023, 3 + i);
            // Drafted on the 2nd of the next month, approved that afternoon, sent on the
            // 3rd, decided on the 5th.
            LocalDate next = month.plusMonths(1).atDay(1);
            Stage stage = county.stages().get(i);
            as(county.workTeam());
            UUID id = at(next.plusDays(1).atTime(9, 0)).create(campaign, ReportKind.MONTHLY, month.atDay(1), all);
            number(id, number++, next.plusDays(1).atTime(9, 40));
            if (stage == Stage.DRAFT) {
                continue;
            }
            as(county.leader());
            at(next.plusDays(1).atTime(15, 0)).approve(id, version(id));
            if (stage == Stage.APPROVED) {
                continue;
            }
            as(county.workTeam());
            at(next.plusDays(2).atTime(10, 0)).submit(id, version(id));
            if (stage == Stage.SUBMITTED) {
                continue;
            }
            as("city");
            boolean returned = stage == Stage.RETURNED || stage == Stage.RETURNED_THEN_RECEIVED;
            at(next.plusDays(4).atTime(16, 0)).decide(id, version(id), !returned,
                    returned ? message("report.demo.returnComment") : null, all);
            if (stage == Stage.RETURNED_THEN_RECEIVED) {
                as(county.workTeam());
                Reports later = at(next.plusDays(6).atTime(9, 30));
                supplement(later, id, "report.demo.supplement");
                as(county.leader());
                at(next.plusDays(6).atTime(11, 0)).approve(id, version(id));
                as(county.workTeam());
                at(next.plusDays(6).atTime(14, 0)).submit(id, version(id));
                as("city");
                at(next.plusDays(8).atTime(10, 0)).decide(id, version(id), true, null, all);
            }
        }
    }

    /**
     * A unit's reports: drafted on the second working day or so of the next month and
     * submitted the same day, received (or returned) by the county's work team two days
     * later; a late one is submitted two days after its due date.
     */
    private void load(UnitPlan plan, DataScope all) {
        UUID campaign = jdbc.sql("""
                select c.id from campaign c join org_unit o on o.id = c.owner_unit_id
                where o.code = :code order by c.starts_on limit 1
                """).param("code", plan.county()).query(UUID.class).single();
        for (int i = 0; i < plan.stages().size(); i++) {
            YearMonth month = YearMonth.of(2023, plan.firstMonth() + i);
            UnitStage stage = plan.stages().get(i);
            if (stage == UnitStage.MISSING) {
                continue;
            }
            LocalDate sent = stage == UnitStage.LATE
                    ? at(LocalDateTime.of(2023, 1, 1, 0, 0)).dueOn(month.atDay(1)).plusDays(2)
                    : month.plusMonths(1).atDay(3);
            as(plan.login());
            UUID id = at(sent.atTime(9, 0)).create(campaign, ReportKind.MONTHLY, month.atDay(1), all);
            if (stage == UnitStage.DRAFT) {
                continue;
            }
            at(sent.atTime(16, 0)).submit(id, version(id));
            if (stage == UnitStage.SUBMITTED) {
                continue;
            }
            as(plan.receiver());
            boolean returned = stage == UnitStage.RETURNED || stage == UnitStage.RETURNED_THEN_RECEIVED;
            at(sent.plusDays(2).atTime(10, 0)).decide(id, version(id), !returned,
                    returned ? message("report.demo.unitReturnComment") : null, all);
            if (stage == UnitStage.RETURNED_THEN_RECEIVED) {
                as(plan.login());
                Reports later = at(sent.plusDays(3).atTime(9, 30));
                supplement(later, id, "report.demo.unitSupplement");
                at(sent.plusDays(3).atTime(11, 0)).submit(id, version(id));
                as(plan.receiver());
                at(sent.plusDays(4).atTime(10, 0)).decide(id, version(id), true, null, all);
            }
        }
    }

    /** The sender adds what the receiver asked for when returning the report. */
    private void supplement(Reports reports, UUID id, String key) {
        Report report = reports.getOwn(id);
        reports.update(id,
                new ReportForm(report.title(), report.docPrefix(), report.docYear(), report.docSeq(),
                        report.addressee(), report.copyTo(), report.progress(), report.results() + message(key),
                        report.problems(), report.suggestions(), report.version()));
    }

    /**
     * Fills in the sequence number of the document number (发文字号), as the work team does
     * before approval.
     */
    private void number(UUID id, int seq, LocalDateTime at) {
        Reports reports = at(at);
        Report r = reports.getOwn(id);
        reports.update(id, new ReportForm(r.title(), r.docPrefix(), r.docYear(), seq, r.addressee(), r.copyTo(),
                r.progress(), r.results(), r.problems(), r.suggestions(), r.version()));
    }

    private Reports at(LocalDateTime at) {
        return new Reports(jdbc, units, campaigns, figures, drafting, messages, events,
                Clock.fixed(at.atZone(zone).toInstant(), zone), workingDays);
    }

    private long version(UUID id) {
        return jdbc.sql("select version from report where id = :id").param("id", id).query(Long.class).single();
    }

    private String message(String key) {
        return messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * The demonstration login a step is done as, with its real unit (the report's bureau
     * follows from it).
     */
    private void as(String login) {
        UserDetails user = users.loadUserByUsername(login);
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

}

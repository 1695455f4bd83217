package org.duban.reporting;

import org.duban.complaint.Channel;
import org.duban.shared.BureauClock;
import org.duban.complaint.Closure;
import org.duban.complaint.ComplaintType;
import org.duban.complaint.Complaints;
import org.duban.complaint.NewComplaint;
import org.duban.complaint.Satisfaction;
import org.duban.complaint.Submitted;
import org.duban.organization.DataScope;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report figures equal independent counts on a seeded data set: a county of its own with
 * 3 units and 600 random problems, accountability records and key tasks. The independent
 * counts read the ledger's tables directly, not the reporting views, and are written
 * without the figure code's predicates.
 */
@DubanTest
class ReportFiguresTest {

    static final String[] STATUSES = { "REGISTERED", "ASSIGNED", "VERIFYING", "CONFIRMED", "UNFOUNDED", "RECTIFYING",
            "RECTIFIED", "VERIFIED", "SIGNED_OFF" };
    static final String[] CATEGORIES = { "PROFIT_DRIVEN", "IRREGULAR", "RIGID", "ROUGH", "RENT_SEEKING" };
    static final String[] SOURCES = { "SELF_INSPECTION", "COMPLAINT", "RANDOM_CHECK", "RISK_SCREENING" };
    static final String[] KINDS = { "TALK_REMINDER", "ADMONITION", "FAULT_TOLERANCE_EXEMPTION" };

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BureauClock bureauClock;

    @Autowired
    ReportFigures figures;

    @Autowired
    Complaints complaints;

    UUID county;

    UUID[] units;

    @BeforeEach
    void seed() {
        county = UUID.randomUUID();
        UUID city = jdbc.sql("select id from org_unit where code = 'ORDOS'").query(UUID.class).single();
        String cityPath = jdbc.sql("select path from org_unit where id = :id")
            .param("id", city)
            .query(String.class)
            .single();
        String code = "T" + county.toString().substring(0, 8);
        insertUnit(county, city, cityPath + county + "/", code, "COUNTY_BUREAU");
        UUID squadA = UUID.randomUUID();
        UUID squadB = UUID.randomUUID();
        insertUnit(squadA, county, cityPath + county + "/" + squadA + "/", code + "-A", "SQUAD");
        insertUnit(squadB, county, cityPath + county + "/" + squadB + "/", code + "-B", "SQUAD");
        units = new UUID[] { county, squadA, squadB };
        UUID campaign = jdbc.sql("select id from campaign order by starts_on limit 1").query(UUID.class).single();
        Random random = new Random(42);
        for (int i = 0; i < 600; i++) {
            UUID id = UUID.randomUUID();
            LocalDate found = LocalDate.of(2023, 3, 1).plusDays(random.nextInt(240));
            LocalDate due = random.nextInt(4) == 0 ? null : found.plusDays(random.nextInt(60));
            jdbc.sql("""
                    insert into problem (id, reference, campaign_id, source, category, unit_id, description, found_on,
                                         confidential, status, due_on, created_by, created_at)
                    values (:id, :ref, :campaign, :source, :category, :unit, :description, :found, :confidential,
                            :status, :due, 'test', :at)
                    """)
                .param("id", id)
                .param("ref", code + "-" + i)
                .param("campaign", campaign)
                .param("source", SOURCES[random.nextInt(SOURCES.length)])
                .param("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                .param("unit", units[random.nextInt(3)])
                .param("description", "problem " + i)
                .param("found", Date.valueOf(found))
                .param("confidential", random.nextInt(10) == 0)
                .param("status", STATUSES[random.nextInt(STATUSES.length)])
                .param("due", due == null ? null : Date.valueOf(due))
                .param("at", Timestamp.from(Instant.now()))
                .update();
            if (random.nextInt(5) == 0) {
                jdbc.sql("""
                        insert into accountability_record (id, problem_id, person, unit_id, kind, decided_on,
                                                           deciding_body, created_by, created_at)
                        values (:id, :problem, 'someone', :unit, :kind, :decided, 'leading group', 'test', :at)
                        """)
                    .param("id", UUID.randomUUID())
                    .param("problem", id)
                    .param("unit", units[random.nextInt(3)])
                    .param("kind", KINDS[random.nextInt(KINDS.length)])
                    .param("decided", Date.valueOf(found.plusDays(random.nextInt(30))))
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
            }
        }
        for (int i = 0; i < 20; i++) {
            UUID inspection = UUID.randomUUID();
            LocalDate planned = LocalDate.of(2023, 4, 1).plusDays(i * 5L);
            jdbc.sql("""
                    insert into inspection (id, owner_unit_id, campaign_id, type, title, planned_on, status)
                    values (:id, :unit, :campaign, :type, :title, :planned, 'CLOSED')
                    """)
                .param("id", inspection)
                .param("unit", units[i % 3])
                .param("campaign", campaign)
                .param("type", new String[] { "SURPRISE", "UNANNOUNCED", "RANDOM" }[i % 3])
                .param("title", "inspection " + i)
                .param("planned", Date.valueOf(planned))
                .update();
            for (int k = 0; k < i % 4; k++) {
                jdbc.sql("""
                        insert into inspection_finding (id, inspection_id, category, description, evidence, found_on,
                                                        recorded_by, recorded_at)
                        values (:id, :inspection, 'ROUGH', 'finding', 'evidence', :found, 'test', :at)
                        """)
                    .param("id", UUID.randomUUID())
                    .param("inspection", inspection)
                    .param("found", Date.valueOf(planned.plusDays(k)))
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
            }
        }
        for (int r = 0; r < 2; r++) {
            UUID run = UUID.randomUUID();
            jdbc.sql("""
                    insert into screening_run (id, started_by, trigger, started_at, finished_at, status)
                    values (:id, 'test', 'COMMAND', :at, :at, 'DONE')
                    """)
                // Later than the demonstration data's screening run, made when the
                // application context started.
                .param("id", run)
                .param("at", Timestamp.from(Instant.now().plusSeconds(60L * (r + 1))))
                .update();
            for (int k = 0; k < 5 + r * 3; k++) {
                jdbc.sql("""
                        insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity,
                                                       case_ids, explain_key, args, unit_id)
                        values (:run, 'TEST_RULE', 'IRREGULAR', 'UNIT', :subject, :severity, '{}', 'x', '{}', :unit)
                        """)
                    .param("run", run)
                    .param("subject", "s" + k)
                    .param("severity", k % 2 == 0 ? "HIGH" : "LOW")
                    .param("unit", units[k % 3])
                    .update();
            }
        }
        for (int i = 0; i < 12; i++) {
            jdbc.sql(
                    """
                            insert into key_task (id, campaign_id, title, owner_unit_id, deadline, status, created_by, created_at)
                            values (:id, :campaign, :title, :unit, :deadline, :status, 'test', :at)
                            """)
                .param("id", UUID.randomUUID())
                .param("campaign", campaign)
                .param("title", "task " + i)
                .param("unit", units[i % 3])
                .param("deadline", Date.valueOf(LocalDate.of(2023, 3 + i % 8, 20)))
                .param("status", i % 3 == 0 ? "DONE" : "IN_PROGRESS")
                .param("at", Timestamp.from(Instant.now()))
                .update();
        }
        // suggestions from the frontline, one in three answered, anonymous ones without
        // an author
        for (int i = 0; i < 9; i++) {
            jdbc.sql("""
                    insert into suggestion (id, unit_id, topic, text, status, answer, answered_by, created_at)
                    values (:id, :unit, 'OTHER', :text, :status, :answer, :by, :at)
                    """)
                .param("id", UUID.randomUUID())
                .param("unit", units[i % 3])
                .param("text", "suggestion " + i)
                .param("status", i % 3 == 0 ? "ANSWERED" : "SUBMITTED")
                .param("answer", i % 3 == 0 ? "a" : null)
                .param("by", i % 3 == 0 ? "workteam" : null)
                .param("at",
                        Timestamp.from(LocalDate.of(2023, 3 + i % 8, 15)
                            .atTime(10, 0)
                            .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                            .toInstant()))
                .update();
        }
    }

    private void insertUnit(UUID id, UUID parent, String path, String code, String kind) {
        jdbc.sql(
                "insert into org_unit (id, parent_id, path, code, name, kind) values (:id, :parent, :path, :code, :name, :kind)")
            .param("id", id)
            .param("parent", parent)
            .param("path", path)
            .param("code", code)
            .param("name", code)
            .param("kind", kind)
            .update();
    }

    long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).param("units", units).params(params).query(Long.class).single();
    }

    @Test
    void monthlyFiguresEqualIndependentCounts() {
        LocalDate from = LocalDate.of(2023, 5, 1);
        LocalDate to = LocalDate.of(2023, 5, 31);
        Map<String, BigDecimal> f = figures.compute(units, from, to, LocalDate.of(2026, 1, 1))
            .stream()
            .filter(x -> x.value() != null)
            .collect(Collectors.toMap(Figure::key, Figure::value));
        Map<String, Object> window = Map.of("from", Date.valueOf(from), "to", Date.valueOf(to));
        String inMay = " from problem where unit_id = any(:units) and found_on >= :from and found_on <= :to";
        long found = count("select count(*)" + inMay, window);
        long confirmed = count(
                "select count(*)" + inMay + " and status not in ('REGISTERED', 'ASSIGNED', 'VERIFYING', 'UNFOUNDED')",
                window);
        long rectified = count("select count(*)" + inMay + " and status in ('RECTIFIED', 'VERIFIED', 'SIGNED_OFF')",
                window);
        long signedOff = count("select count(*)" + inMay + " and status = 'SIGNED_OFF'", window);
        // Overdue as of the month's end: the due date passed and the work not yet done.
        long overdue = count("select count(*)" + inMay
                + " and due_on is not null and due_on < :to and status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')",
                window);
        assertThat(found).isGreaterThan(30);
        assertThat(f.get("problemsFound")).isEqualByComparingTo(BigDecimal.valueOf(found));
        assertThat(f.get("problemsConfirmed")).isEqualByComparingTo(BigDecimal.valueOf(confirmed));
        assertThat(f.get("problemsRectified")).isEqualByComparingTo(BigDecimal.valueOf(rectified));
        assertThat(f.get("problemsSignedOff")).isEqualByComparingTo(BigDecimal.valueOf(signedOff));
        assertThat(f.get("problemsOverdue")).isEqualByComparingTo(BigDecimal.valueOf(overdue));
        assertThat(f.get("rectifiedRate")).isEqualByComparingTo(
                BigDecimal.valueOf(rectified * 100.0 / confirmed).setScale(1, java.math.RoundingMode.HALF_UP));
        String decided = " from accountability_record where unit_id = any(:units) and decided_on >= :from and decided_on <= :to";
        assertThat(f.get("accountability")).isEqualByComparingTo(BigDecimal
            .valueOf(count("select count(*)" + decided + " and kind in ('TALK_REMINDER', 'ADMONITION')", window)));
        assertThat(f.get("exemptions")).isEqualByComparingTo(BigDecimal
            .valueOf(count("select count(*)" + decided + " and kind = 'FAULT_TOLERANCE_EXEMPTION'", window)));
        String suggested = " from suggestion where unit_id = any(:units)"
                + " and cast(created_at at time zone 'Asia/Shanghai' as date) between :from and :to";
        assertThat(f.get("suggestions"))
            .isEqualByComparingTo(BigDecimal.valueOf(count("select count(*)" + suggested, window)));
        assertThat(f.get("suggestionsAnswered")).isEqualByComparingTo(
                BigDecimal.valueOf(count("select count(*)" + suggested + " and status = 'ANSWERED'", window)));
        assertThat(f.get("keyTasksDue")).isEqualByComparingTo(BigDecimal.valueOf(
                count("select count(*) from key_task where owner_unit_id = any(:units) and deadline <= :to", window)));
        assertThat(f.get("keyTasksDone")).isEqualByComparingTo(BigDecimal.valueOf(count(
                "select count(*) from key_task where owner_unit_id = any(:units) and deadline <= :to and status = 'DONE'",
                window)));
        assertThat(f.get("inspections")).isEqualByComparingTo(BigDecimal.valueOf(count(
                "select count(*) from inspection where owner_unit_id = any(:units) and planned_on >= :from and planned_on <= :to",
                window)));
        assertThat(f.get("inspectionFindings")).isEqualByComparingTo(BigDecimal.valueOf(count("""
                select count(*) from inspection_finding f where f.found_on >= :from and f.found_on <= :to
                and f.inspection_id in (select id from inspection where owner_unit_id = any(:units))
                """, window)));
        assertThat(f.get("inspections")).isPositive();
        String latestRun = "(select id from screening_run where status = 'DONE' order by finished_at desc nulls last, started_at desc limit 1)";
        assertThat(f.get("screeningFindings")).isEqualByComparingTo(BigDecimal.valueOf(
                count("select count(*) from screening_finding where unit_id = any(:units) and run_id = " + latestRun,
                        Map.of())));
        assertThat(f.get("screeningHigh")).isEqualByComparingTo(BigDecimal.valueOf(count(
                "select count(*) from screening_finding where unit_id = any(:units) and severity = 'HIGH' and run_id = "
                        + latestRun,
                Map.of())));
    }

    @Test
    void breakdownsByCategoryAndSourceAddUpToTheProblemsFound() {
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        List<ReportFigures.Breakdown> breakdowns = figures.breakdowns(units, from, to);
        Map<String, Object> window = Map.of("from", Date.valueOf(from), "to", Date.valueOf(to));
        for (String category : CATEGORIES) {
            long expected = count(
                    "select count(*) from problem where unit_id = any(:units) and found_on between :from and :to"
                            + " and category = '" + category + "'",
                    window);
            Figure figure = breakdowns.get(0)
                .items()
                .stream()
                .filter(x -> x.key().equals("category." + category))
                .findFirst()
                .orElseThrow();
            assertThat(figure.value()).as(category).isEqualByComparingTo(BigDecimal.valueOf(expected));
        }
        long total = count(
                "select count(*) from problem where unit_id = any(:units) and found_on between :from and :to", window);
        for (ReportFigures.Breakdown b : breakdowns.stream().filter(b -> !b.name().equals("channel")).toList()) {
            assertThat(b.items().stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add)).as(b.name())
                .isEqualByComparingTo(BigDecimal.valueOf(total));
        }
    }

    @Test
    void theListBehindAFigureHasExactlyTheFiguresRowsAndHidesConfidentialDescriptions() {
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        LocalDate today = LocalDate.of(2026, 1, 1);
        FigureLists lists = new FigureLists(jdbc, null, bureauClock);
        Map<String, BigDecimal> f = figures.compute(units, from, to, today)
            .stream()
            .filter(x -> x.value() != null)
            .collect(Collectors.toMap(Figure::key, Figure::value));
        for (String key : List.of("problemsFound", "problemsOverdue", "problemsSignedOff", "accountability",
                "exemptions")) {
            FigureLists.Result result = lists.list(key, units, from, to, today, null);
            assertThat(BigDecimal.valueOf(result.total())).as(key).isEqualByComparingTo(f.get(key));
        }
        FigureLists.Result all = lists.list("problemsFound", units, from, to, today, null);
        int description = FigureSource.PROBLEM.columns.stream()
            .map(FigureSource.Column::name)
            .toList()
            .indexOf("description");
        Map<Boolean, List<FigureLists.Row>> byConfidential = all.rows()
            .stream()
            .collect(Collectors.groupingBy(FigureLists.Row::confidential));
        assertThat(byConfidential.get(true)).isNotEmpty().allMatch(r -> r.values().get(description) == null);
        assertThat(byConfidential.get(false)).allMatch(r -> r.values().get(description) != null);
    }

    /**
     * Every figure of the dashboard (headline figures and every breakdown item,
     * complaints included) lists exactly the rows it counts; a rate lists the rows of its
     * whole and marks those of its part. Every source is covered.
     */
    @Test
    @WithWorkTeamMember
    void everyFigureOfTheDashboardListsExactlyTheRowsItCounts() {
        seedComplaints();
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate today = complaints.today();
        FigureLists lists = new FigureLists(jdbc, null, bureauClock);
        List<Figure> all = new java.util.ArrayList<>(figures.compute(units, from, today, today));
        figures.dashboardBreakdowns(units, from, today, Map.of()).forEach(b -> all.addAll(b.items()));
        java.util.Set<FigureSource> covered = java.util.EnumSet.noneOf(FigureSource.class);
        for (Figure figure : all) {
            assertThat(figure.listable()).as(figure.key()).isTrue();
            FigureLists.Result result = lists.list(figure.key(), units, from, today, today, null);
            if (figure.percent()) {
                assertThat(result.part()).as(figure.key()).isNotNull();
                BigDecimal rate = ReportFigures.rate(BigDecimal.valueOf(result.part()),
                        BigDecimal.valueOf(result.total()));
                assertThat(rate == null ? null : rate.toPlainString()).as(figure.key())
                    .isEqualTo(figure.value() == null ? null : figure.value().toPlainString());
            }
            else {
                assertThat(BigDecimal.valueOf(result.total())).as(figure.key()).isEqualByComparingTo(figure.value());
            }
            assertThat(result.rows()).as(figure.key()).hasSize((int) Math.min(result.total(), FigureLists.LIMIT));
            if (result.part() != null && result.total() <= FigureLists.LIMIT) {
                assertThat(result.rows().stream().filter(FigureLists.Row::counted).count()).as(figure.key())
                    .isEqualTo(result.part());
            }
            if (result.total() > 0) {
                covered.add(result.source());
            }
        }
        // reportsSubmitted is the one source this data set leaves empty (ReportFlowTest
        // submits reports).
        assertThat(covered).containsAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(FigureSource.REPORT)));
    }

    /**
     * Confidential rows (a confidential clue, an unannounced visit not yet closed and its
     * findings, a screening finding naming an officer) are counted; a reader without the
     * need-to-know permission sees their unit only.
     */
    @Test
    void confidentialRowsShowOnlyTheirUnitToReadersWithoutNeedToKnow() {
        UUID campaign = jdbc.sql("select id from campaign order by starts_on limit 1").query(UUID.class).single();
        UUID visit = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection (id, owner_unit_id, campaign_id, type, title, planned_on, status)
                values (:id, :unit, :campaign, 'UNANNOUNCED', 'secret visit', :planned, 'PLANNED')
                """)
            .param("id", visit)
            .param("unit", units[0])
            .param("campaign", campaign)
            .param("planned", Date.valueOf(LocalDate.of(2023, 6, 1)))
            .update();
        jdbc.sql("""
                insert into inspection_finding (id, inspection_id, category, description, evidence, found_on,
                                                recorded_by, recorded_at)
                values (:id, :inspection, 'ROUGH', 'finding', 'evidence', :found, 'test', :at)
                """)
            .param("id", UUID.randomUUID())
            .param("inspection", visit)
            .param("found", Date.valueOf(LocalDate.of(2023, 6, 1)))
            .param("at", Timestamp.from(Instant.now()))
            .update();
        UUID run = jdbc.sql("select id from screening_run where status = 'DONE' order by finished_at desc limit 1")
            .query(UUID.class)
            .single();
        jdbc.sql("""
                insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity,
                                               case_ids, explain_key, args, unit_id, officer)
                values (:run, 'TEST_RULE', 'IRREGULAR', 'OFFICER', 'o1', 'HIGH', '{}', 'x', '{}', :unit, 'O-1')
                """).param("run", run).param("unit", units[1]).update();
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        org.duban.security.DubanUser staff = reader("ledger:problem:read", "inspection:inspection:read",
                "screening:finding:read");
        org.duban.security.DubanUser workTeam = reader("ledger:problem:read", "ledger:clue:confidential",
                "inspection:inspection:read", "inspection:unannounced:read", "screening:finding:read",
                "screening:finding:confidential");
        FigureLists lists = new FigureLists(jdbc, null, bureauClock);
        for (String key : List.of("problemsFound", "inspections", "inspectionFindings", "screeningFindings")) {
            FigureLists.Result seen = lists.list(key, units, from, to, to, staff);
            FigureLists.Result known = lists.list(key, units, from, to, to, workTeam);
            assertThat(seen.total()).as(key).isEqualTo(known.total());
            List<FigureLists.Row> hidden = seen.rows().stream().filter(FigureLists.Row::confidential).toList();
            assertThat(hidden).as(key)
                .isNotEmpty()
                .allMatch(r -> r.hidden() && r.link() == null && r.id() == null && r.unitName() != null
                        && r.values().stream().allMatch(java.util.Objects::isNull));
            assertThat(seen.rows()).as(key).filteredOn(r -> !r.confidential()).allMatch(r -> r.link() != null);
            assertThat(known.rows()).as(key).allMatch(r -> !r.hidden() && r.link() != null);
        }
        // Without the module's read permission: the total, no rows.
        FigureLists.Result restricted = lists.list("accountability", units, from, to, to, staff);
        assertThat(restricted.restricted()).isTrue();
        assertThat(restricted.rows()).isEmpty();
        assertThat(restricted.total()).isEqualTo(lists.list("accountability", units, from, to, to, null).total())
            .isPositive();
    }

    static org.duban.security.DubanUser reader(String... permissions) {
        return new org.duban.security.DubanUser(UUID.randomUUID(), "reader", "reader", UUID.randomUUID(), "x", true,
                java.util.Set.of("READER"), java.util.Set.of(permissions), null);
    }

    /**
     * Complaints created through the complaint module's services in the seeded county:
     * every channel, some answered (a few of them late), rated satisfied, basically
     * satisfied or not satisfied (reopened), one closed.
     */
    void seedComplaints() {
        DataScope scope = new DataScope(java.util.Set.of(units), "");
        Channel[] channels = Channel.values();
        Satisfaction[] ratings = { Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED,
                Satisfaction.NOT_SATISFIED };
        for (int i = 0; i < 14; i++) {
            Submitted s = complaints.submit(
                    new NewComplaint(ComplaintType.values()[i % ComplaintType.values().length], "complaint " + i, null,
                            null, null, true, null, null),
                    channels[i % channels.length], null, List.of(), units[i % 3]);
            UUID id = s.complaintId();
            if (i == 9) {
                complaints.decline(id, complaintVersion(id), "not ours", scope);
                continue;
            }
            if (i % 5 == 4) {
                continue;
            }
            complaints.accept(id, complaintVersion(id), scope);
            if (i % 5 == 3) {
                if (i == 8) {
                    complaints.close(id, complaintVersion(id), Closure.DUPLICATE, null, scope);
                }
                continue;
            }
            complaints.assign(id, complaintVersion(id), units[(i + 1) % 3], scope);
            complaints.answer(id, complaintVersion(id), "result", "feedback", scope);
            complaints.reviewFeedback(id, complaintVersion(id), true, "feedback", scope);
            if (i % 4 == 0) {
                // A late answer: the time limit ran out the day before the feedback was
                // published.
                jdbc.sql("update complaint set due_on = cast(answered_at at time zone 'Asia/Shanghai' as date) - 1"
                        + " where id = :id")
                    .param("id", id)
                    .update();
            }
            if (i % 5 != 2) {
                complaints.rate(s.receipt(), ratings[i % 3], null);
            }
        }
    }

    long complaintVersion(UUID id) {
        return jdbc.sql("select version from complaint where id = :id").param("id", id).query(Long.class).single();
    }

    /**
     * Complaints created through the complaint module's services in the seeded county:
     * every channel, some answered (a few of them late), rated satisfied, basically
     * satisfied or not satisfied (reopened); compared with counts on the complaint table
     * itself.
     */
    @Test
    @WithWorkTeamMember
    void complaintFiguresEqualIndependentCounts() {
        seedComplaints();
        Channel[] channels = Channel.values();
        LocalDate today = complaints.today();
        Map<String, BigDecimal> f = figures.compute(units, today, today, today)
            .stream()
            .filter(x -> x.value() != null)
            .collect(Collectors.toMap(Figure::key, Figure::value));
        Map<String, Object> window = Map.of("from", Date.valueOf(today), "to", Date.valueOf(today));
        String received = " from complaint where owner_unit_id = any(:units)"
                + " and cast(submitted_at at time zone 'Asia/Shanghai' as date) between :from and :to";
        long total = count("select count(*)" + received, window);
        long answered = count("select count(*)" + received + " and answered_at is not null", window);
        long onTime = count("select count(*)" + received + " and answered_at is not null"
                + " and cast(answered_at at time zone 'Asia/Shanghai' as date) <= due_on", window);
        long rated = count("select count(*)" + received + " and satisfaction is not null", window);
        long satisfied = count(
                "select count(*)" + received + " and satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')", window);
        long reopened = count("select count(*)" + received + " and reopen_count > 0", window);
        long closedResolved = count(
                "select count(*)" + received + " and status in ('CLOSED', 'DECLINED') and closure = 'RESOLVED'",
                window);
        long closedOther = count(
                "select count(*)" + received + " and status in ('CLOSED', 'DECLINED') and closure <> 'RESOLVED'",
                window);
        assertThat(total).isEqualTo(14);
        assertThat(onTime).isLessThan(answered).isPositive();
        assertThat(satisfied).isLessThan(rated).isPositive();
        assertThat(reopened).isPositive();
        assertThat(closedResolved).isPositive();
        // The declined complaint and the one closed as a duplicate are closed, but not as
        // resolved.
        assertThat(closedOther).isGreaterThanOrEqualTo(2);
        assertThat(f.get("complaints")).isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(f.get("complaintsAnswered")).isEqualByComparingTo(BigDecimal.valueOf(answered));
        assertThat(f.get("complaintsOnTimeRate")).isEqualByComparingTo(percent(onTime, answered));
        assertThat(f.get("satisfactionRate")).isEqualByComparingTo(percent(satisfied, rated));
        assertThat(f.get("reopenRate")).isEqualByComparingTo(percent(reopened, answered));
        assertThat(f.get("complaintsClosedResolved")).isEqualByComparingTo(BigDecimal.valueOf(closedResolved));
        assertThat(f.get("complaintsClosedOther")).isEqualByComparingTo(BigDecimal.valueOf(closedOther));
        ReportFigures.Breakdown byChannel = figures.breakdowns(units, today, today)
            .stream()
            .filter(b -> b.name().equals("channel"))
            .findFirst()
            .orElseThrow();
        for (Channel channel : channels) {
            long expected = count("select count(*)" + received + " and channel = '" + channel.name() + "'", window);
            Figure figure = byChannel.items()
                .stream()
                .filter(x -> x.key().equals("channel." + channel.name()))
                .findFirst()
                .orElseThrow();
            assertThat(figure.value()).as(channel.name()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        }
        // One squad alone: only the complaints it received.
        Map<String, BigDecimal> squad = figures.compute(new UUID[] { units[1] }, today, today, today)
            .stream()
            .filter(x -> x.value() != null)
            .collect(Collectors.toMap(Figure::key, Figure::value));
        assertThat(squad.get("complaints")).isEqualByComparingTo(
                BigDecimal.valueOf(jdbc.sql("select count(*)" + received.replace("any(:units)", ":unit"))
                    .param("unit", units[1])
                    .params(window)
                    .query(Long.class)
                    .single()));
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100.0 / whole).setScale(1, java.math.RoundingMode.HALF_UP);
    }

}

package org.duban.reporting;

import org.duban.shared.BureauClock;
import org.duban.complaint.Channel;
import org.duban.complaint.ComplaintStatus;
import org.duban.complaint.ComplaintType;
import org.duban.organization.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The figures of reports and the dashboard: readable SQL over the units of one bureau (or
 * any unit set) and a window of dates. Figures read only read-only views (V15–V20:
 * reporting_problem, reporting_accountability, reporting_key_task, reporting_inspection,
 * reporting_inspection_finding, reporting_screening_finding, reporting_complaint) and
 * reporting's own tables, never another module's tables. Each figure is one
 * {@link Countable}: a source and a named predicate, used both for the count and for the
 * list behind it ({@link FigureLists}), so a figure and its list cannot disagree.
 */
@Component
class ReportFigures {

    /**
     * A counted figure: the rows of {@code source} in the units and window that match
     * {@code predicate} (SQL over the source's columns, unqualified). A rate has a
     * {@code part}: its value is the share of those rows that also match {@code part},
     * and its list shows the rows of the whole with the counted ones marked.
     */
    record Countable(String key, FigureSource source, String predicate, String part) {
        boolean rate() {
            return part != null;
        }
    }

    /** The headline figures in the order reports and the dashboard show them. */
    static final Map<String, Countable> HEADLINE = new LinkedHashMap<>();

    /** Breakdown figures ({@code category.<CODE>}, …): fixed codes only. */
    static final Map<String, Countable> BREAKDOWN_ITEMS = new LinkedHashMap<>();

    static final String CONFIRMED = "status in ('CONFIRMED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'SIGNED_OFF')";
    static final String RECTIFIED = "status in ('RECTIFIED', 'VERIFIED', 'SIGNED_OFF')";
    static final String SIGNED_OFF = "status = 'SIGNED_OFF'";
    static final String ANSWERED = "answered_on is not null";
    static final String CLOSED = "status in ('CLOSED', 'DECLINED')";

    private static void headline(String key, FigureSource source, String predicate, String part) {
        HEADLINE.put(key, new Countable(key, source, predicate, part));
    }

    static {
        FigureSource p = FigureSource.PROBLEM;
        headline("problemsFound", p, "true", null);
        headline("problemsConfirmed", p, CONFIRMED, null);
        headline("problemsRectified", p, RECTIFIED, null);
        headline("problemsSignedOff", p, SIGNED_OFF, null);
        // The ledger's own definition of overdue (ProblemLedger's list filter), as of the
        // window's end or today.
        headline("problemsOverdue", p, "due_on < :asOf and status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')", null);
        headline("confirmedRate", p, "true", CONFIRMED);
        headline("rectifiedRate", p, CONFIRMED, RECTIFIED);
        headline("signedOffRate", p, CONFIRMED, SIGNED_OFF);
        headline("accountability", FigureSource.ACCOUNTABILITY,
                "kind not in ('FAULT_TOLERANCE_EXEMPTION', 'NO_ACTION')", null);
        headline("exemptions", FigureSource.ACCOUNTABILITY, "kind = 'FAULT_TOLERANCE_EXEMPTION'", null);
        headline("keyTasksDue", FigureSource.KEY_TASK, "deadline <= :to", null);
        headline("keyTasksDone", FigureSource.KEY_TASK, "deadline <= :to and status = 'DONE'", null);
        headline("inspections", FigureSource.INSPECTION, "true", null);
        headline("inspectionFindings", FigureSource.INSPECTION_FINDING, "true", null);
        headline("screeningFindings", FigureSource.SCREENING_FINDING, "true", null);
        headline("screeningHigh", FigureSource.SCREENING_FINDING, "severity = 'HIGH'", null);
        // Complaints received by a bureau among the units and submitted in the window: on
        // time = answered on or
        // before the due date among those answered; satisfied = 满意 or 基本满意 among those
        // rated; reopened ("not
        // satisfied" at least once) among those answered; closed as resolved or for
        // another reason.
        FigureSource c = FigureSource.COMPLAINT;
        headline("complaints", c, "true", null);
        headline("complaintsAnswered", c, ANSWERED, null);
        headline("complaintsOnTimeRate", c, ANSWERED, "answered_on <= due_on");
        headline("satisfactionRate", c, "satisfaction is not null",
                "satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')");
        headline("reopenRate", c, ANSWERED, "reopen_count > 0");
        headline("complaintsClosedResolved", c, CLOSED + " and closure = 'RESOLVED'", null);
        headline("complaintsClosedOther", c, CLOSED + " and closure <> 'RESOLVED'", null);
        headline("suggestions", FigureSource.SUGGESTION, "true", null);
        headline("suggestionsAnswered", FigureSource.SUGGESTION, "status = 'ANSWERED'", null);
        headline("reportsSubmitted", FigureSource.REPORT, "true", null);
    }

    static final List<String> CATEGORIES = List.of("PROFIT_DRIVEN", "IRREGULAR", "RIGID", "ROUGH", "RENT_SEEKING");
    static final List<String> SOURCES = List.of("SELF_INSPECTION", "COMPLAINT", "SURPRISE_INSPECTION",
            "UNANNOUNCED_VISIT", "RANDOM_CHECK", "SUPERIOR_REFERRAL", "RISK_SCREENING", "OTHER");

    /** Breakdowns: name, source, column and codes (fixed names, never user input). */
    record BreakdownKind(String name, FigureSource source, String column, List<String> codes) {
    }

    /**
     * In reports (and on the dashboard): problems by category and source, complaints by
     * channel.
     */
    static final List<BreakdownKind> REPORT_BREAKDOWNS = List.of(
            new BreakdownKind("category", FigureSource.PROBLEM, "category", CATEGORIES),
            new BreakdownKind("source", FigureSource.PROBLEM, "source", SOURCES), new BreakdownKind("channel",
                    FigureSource.COMPLAINT, "channel", Arrays.stream(Channel.values()).map(Enum::name).toList()));

    /**
     * On the dashboard only: complaints by type and status (and by handling unit, whose
     * keys are unit ids).
     */
    static final List<BreakdownKind> DASHBOARD_BREAKDOWNS = List.of(
            new BreakdownKind("complaintType", FigureSource.COMPLAINT, "type",
                    Arrays.stream(ComplaintType.values()).map(Enum::name).toList()),
            new BreakdownKind("complaintStatus", FigureSource.COMPLAINT, "status",
                    Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList()));
    static final String COMPLAINT_UNIT = "complaintUnit";

    static {
        for (BreakdownKind b : java.util.stream.Stream.concat(REPORT_BREAKDOWNS.stream(), DASHBOARD_BREAKDOWNS.stream())
            .toList()) {
            for (String code : b.codes()) {
                String key = b.name() + "." + code;
                BREAKDOWN_ITEMS.put(key, new Countable(key, b.source(), b.column() + " = '" + code + "'", null));
            }
        }
    }

    static final Set<String> PERCENT = HEADLINE.values()
        .stream()
        .filter(Countable::rate)
        .map(Countable::key)
        .collect(Collectors.toUnmodifiableSet());

    /**
     * The countable behind a figure key, or null: a headline figure, a breakdown item, or
     * {@code complaintUnit.<uuid>} (complaints handled by that unit; the id is bound as
     * {@code :keyUnit}).
     */
    static Countable countable(String key) {
        Countable c = HEADLINE.getOrDefault(key, BREAKDOWN_ITEMS.get(key));
        if (c == null && key.startsWith(COMPLAINT_UNIT + ".") && keyUnit(key) != null) {
            c = new Countable(key, FigureSource.COMPLAINT, "handling_unit_id = :keyUnit", null);
        }
        return c;
    }

    /** The unit id of a {@code complaintUnit.<uuid>} key, or null. */
    static UUID keyUnit(String key) {
        if (!key.startsWith(COMPLAINT_UNIT + ".")) {
            return null;
        }
        try {
            return UUID.fromString(key.substring(COMPLAINT_UNIT.length() + 1));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private final JdbcClient jdbc;

    private final BureauClock clock;

    ReportFigures(JdbcClient jdbc, BureauClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A breakdown, e.g. problems by category: figure keys {@code category.<CODE>},
     * labelled {@code figure.<key>} unless {@code labels} names them (complaints by
     * handling unit).
     */
    record Breakdown(String name, List<Figure> items, Map<String, String> labels) {
    }

    /**
     * The window a report covers: a monthly report its month, the others everything up to
     * their period.
     */
    static LocalDate[] window(ReportKind kind, LocalDate period) {
        if (kind == ReportKind.MONTHLY) {
            return new LocalDate[] { period.withDayOfMonth(1), period.withDayOfMonth(period.lengthOfMonth()) };
        }
        return new LocalDate[] { LocalDate.of(2000, 1, 1), period };
    }

    static UUID[] unitsBelow(JdbcClient jdbc, OrgUnit unit) {
        return jdbc.sql("select id from org_unit where path like :prefix")
            .param("prefix", unit.path() + "%")
            .query(UUID.class)
            .list()
            .toArray(UUID[]::new);
    }

    @Transactional(readOnly = true)
    List<Figure> compute(OrgUnit bureau, LocalDate period, ReportKind kind, LocalDate today) {
        LocalDate[] window = window(kind, period);
        return compute(unitsBelow(jdbc, bureau), window[0], window[1], today);
    }

    @Transactional(readOnly = true)
    List<Breakdown> breakdowns(OrgUnit bureau, LocalDate period, ReportKind kind) {
        LocalDate[] window = window(kind, period);
        return breakdowns(unitsBelow(jdbc, bureau), window[0], window[1]);
    }

    /**
     * What the figures count: rows dated {@code from}–{@code to} (inclusive), overdue as
     * of {@code to} or {@code today}, whichever is earlier, and, for rows that belong to
     * a campaign, only those of {@code campaigns} (null: every campaign).
     */
    record Span(LocalDate from, LocalDate to, LocalDate today, UUID[] campaigns) {

        LocalDate asOf() {
            return to.isBefore(today) ? to : today;
        }

    }

    /**
     * Units counted in groups: {@code units[i]} counts for {@code groups[i]}; a unit may
     * appear once per group it belongs to (a county's unit counts for the county and for
     * its city).
     */
    record Members(UUID[] units, UUID[] groups) {
    }

    /**
     * The headline figures for rows in {@code units} dated between {@code from} and
     * {@code to} (inclusive); overdue as of {@code to} or {@code today}, whichever is
     * earlier. One query per source, each figure a
     * {@code count(*) filter (where <predicate>)}.
     */
    @Transactional(readOnly = true)
    List<Figure> compute(UUID[] units, LocalDate from, LocalDate to, LocalDate today) {
        return compute(units, new Span(from, to, today, null));
    }

    @Transactional(readOnly = true)
    List<Figure> compute(UUID[] units, Span span) {
        return figures(count(HEADLINE.values(), units, span));
    }

    /** Each group's headline figures and the report's breakdowns of it. */
    record GroupFigures(Map<UUID, List<Figure>> figures, Map<UUID, List<Breakdown>> breakdowns) {
    }

    /**
     * The headline figures and the report's breakdowns of each group at once: one query
     * per source over all groups ({@code group by}) counting both, not one per group. A
     * group without rows has zero counts.
     */
    @Transactional(readOnly = true)
    GroupFigures computeByGroup(Members members, Span span) {
        Map<UUID, java.util.Set<UUID>> identity = new LinkedHashMap<>();
        for (UUID group : members.groups()) {
            identity.put(group, java.util.Set.of(group));
        }
        return computeByGroup(members, identity, span);
    }

    /**
     * As above, each unit counted once, for the finest group it belongs to (a county, or
     * the city for the city's own offices); the figures of a wider group (a city) are the
     * sums of the counts of the finest groups it is made of ({@code rollUp}: group → its
     * finest groups, itself included). Counts add up, rates are computed from the sums.
     */
    @Transactional(readOnly = true)
    GroupFigures computeByGroup(Members members, Map<UUID, java.util.Set<UUID>> rollUp, Span span) {
        List<Countable> countables = new ArrayList<>(HEADLINE.values());
        countables.addAll(items(REPORT_BREAKDOWNS));
        Map<UUID, Map<String, long[]>> counts = countByGroup(countables, members, span);
        Map<UUID, List<Figure>> figures = new LinkedHashMap<>();
        Map<UUID, List<Breakdown>> breakdowns = new LinkedHashMap<>();
        rollUp.forEach((group, finest) -> {
            Map<String, long[]> sum = new java.util.HashMap<>();
            for (UUID part : finest) {
                counts.getOrDefault(part, Map.of()).forEach((key, n) -> {
                    long[] total = sum.computeIfAbsent(key, k -> new long[2]);
                    total[0] += n[0];
                    total[1] += n[1];
                });
            }
            figures.put(group, figures(sum));
            breakdowns.put(group, breakdowns(REPORT_BREAKDOWNS, sum));
        });
        return new GroupFigures(figures, breakdowns);
    }

    private List<Figure> figures(Map<String, long[]> counts) {
        List<Figure> figures = new ArrayList<>();
        for (Countable c : HEADLINE.values()) {
            long[] n = counts.getOrDefault(c.key(), new long[2]);
            figures.add(describe(c.key(), c.rate() ? rate(n[1], n[0]) : BigDecimal.valueOf(n[0])));
        }
        return figures;
    }

    /**
     * The select list counting {@code list}: for each countable {@code w<i>} (the whole)
     * and {@code p<i>} (the part of a rate, 0 otherwise).
     */
    private static String counting(List<Countable> list) {
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            Countable c = list.get(i);
            select.append(i == 0 ? "" : ", ");
            select.append("count(*) filter (where ").append(c.predicate()).append(") as w").append(i).append(", ");
            select.append("count(*) filter (where (")
                .append(c.predicate())
                .append(") and (")
                .append(c.rate() ? c.part() : "false")
                .append(")) as p")
                .append(i);
        }
        return select.toString();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Span span) {
        return spec.param("zone", clock.zone().getId())
            .param("from", Date.valueOf(span.from()))
            .param("to", Date.valueOf(span.to()))
            .param("asOf", Date.valueOf(span.asOf()))
            .param("campaigns", span.campaigns());
    }

    /** For each countable: {whole, part} (part 0 unless a rate), one query per source. */
    private Map<String, long[]> count(java.util.Collection<Countable> countables, UUID[] units, Span span) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        bySource(countables).forEach((source,
                list) -> bind(jdbc.sql("select " + counting(list) + source.scoped()).param("units", units), span)
                    .query(rs -> {
                        for (int i = 0; i < list.size(); i++) {
                            counts.put(list.get(i).key(), new long[] { rs.getLong("w" + i), rs.getLong("p" + i) });
                        }
                    }));
        return counts;
    }

    /**
     * As {@link #count}, per group of {@code members}: one grouped query per source.
     */
    private Map<UUID, Map<String, long[]>> countByGroup(java.util.Collection<Countable> countables, Members members,
            Span span) {
        Map<UUID, Map<String, long[]>> counts = new java.util.HashMap<>();
        if (members.units().length == 0) {
            return counts;
        }
        bySource(countables).forEach((source,
                list) -> bind(
                        jdbc.sql("select g.group_id, " + counting(list) + source.grouped() + " group by g.group_id")
                            .param("memberUnits", members.units())
                            .param("memberGroups", members.groups()),
                        span)
                    .query(rs -> {
                        Map<String, long[]> group = counts.computeIfAbsent(rs.getObject("group_id", UUID.class),
                                g -> new LinkedHashMap<>());
                        for (int i = 0; i < list.size(); i++) {
                            group.put(list.get(i).key(), new long[] { rs.getLong("w" + i), rs.getLong("p" + i) });
                        }
                    }));
        return counts;
    }

    private static Map<FigureSource, List<Countable>> bySource(java.util.Collection<Countable> countables) {
        return countables.stream()
            .collect(Collectors.groupingBy(Countable::source, LinkedHashMap::new, Collectors.toList()));
    }

    private static BigDecimal rate(long part, long whole) {
        return rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /**
     * Problems found in the window by category and by source; complaints received by
     * channel.
     */
    @Transactional(readOnly = true)
    List<Breakdown> breakdowns(UUID[] units, LocalDate from, LocalDate to) {
        return breakdowns(REPORT_BREAKDOWNS, count(items(REPORT_BREAKDOWNS), units, new Span(from, to, to, null)));
    }

    /** The report's breakdowns, then complaints by type, status and handling unit. */
    @Transactional(readOnly = true)
    List<Breakdown> dashboardBreakdowns(UUID[] units, LocalDate from, LocalDate to, Map<UUID, String> unitNames) {
        return dashboardBreakdowns(units, new Span(from, to, to, null), unitNames);
    }

    @Transactional(readOnly = true)
    List<Breakdown> dashboardBreakdowns(UUID[] units, Span span, Map<UUID, String> unitNames) {
        return dashboardBreakdowns(units, span, unitNames, null);
    }

    /**
     * As above, with the report's breakdowns already counted ({@code reportBreakdowns},
     * null: count them here).
     */
    @Transactional(readOnly = true)
    List<Breakdown> dashboardBreakdowns(UUID[] units, Span span, Map<UUID, String> unitNames,
            List<Breakdown> reportBreakdowns) {
        Span window = new Span(span.from(), span.to(), span.to(), span.campaigns());
        List<Breakdown> all = new ArrayList<>(reportBreakdowns != null ? reportBreakdowns
                : breakdowns(REPORT_BREAKDOWNS, count(items(REPORT_BREAKDOWNS), units, window)));
        all.addAll(breakdowns(DASHBOARD_BREAKDOWNS, count(items(DASHBOARD_BREAKDOWNS), units, window)));
        List<Figure> byUnit = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        bind(jdbc
            .sql("select handling_unit_id, count(*) as n" + FigureSource.COMPLAINT.scoped()
                    + " group by handling_unit_id order by n desc, handling_unit_id")
            .param("units", units), window).query(rs -> {
                UUID unit = rs.getObject("handling_unit_id", UUID.class);
                String key = COMPLAINT_UNIT + "." + unit;
                byUnit.add(new Figure(key, BigDecimal.valueOf(rs.getLong("n")), false, true));
                labels.put(key, unitNames.getOrDefault(unit, unit.toString()));
            });
        all.add(new Breakdown(COMPLAINT_UNIT, byUnit, labels));
        return all;
    }

    private static List<Countable> items(List<BreakdownKind> kinds) {
        return kinds.stream()
            .flatMap(b -> b.codes().stream().map(code -> b.name() + "." + code))
            .map(BREAKDOWN_ITEMS::get)
            .toList();
    }

    private static List<Breakdown> breakdowns(List<BreakdownKind> kinds, Map<String, long[]> counts) {
        return kinds.stream()
            .map(b -> new Breakdown(b.name(), b.codes()
                .stream()
                .map(code -> new Figure(b.name() + "." + code,
                        BigDecimal.valueOf(counts.getOrDefault(b.name() + "." + code, new long[2])[0]), false, true))
                .toList(), Map.of()))
            .toList();
    }

    /**
     * A campaign and every campaign issued from it, down the levels (a province's, its
     * cities' and their counties').
     */
    @Transactional(readOnly = true)
    UUID[] campaignFamily(UUID campaign) {
        return jdbc.sql("""
                with recursive family as (
                    select id from campaign where id = :campaign
                    union all
                    select c.id from campaign c join family f on c.parent_id = f.id
                )
                select id from family
                """).param("campaign", campaign).query(UUID.class).list().toArray(UUID[]::new);
    }

    /**
     * An overdue problem as the report names it; confidential ones are counted but never
     * described.
     */
    record OverdueItem(String reference, String unitName, String description) {
    }

    @Transactional(readOnly = true)
    List<OverdueItem> overdueItems(OrgUnit bureau, LocalDate to, LocalDate today, int limit) {
        LocalDate asOf = to.isBefore(today) ? to : today;
        return jdbc.sql("""
                select p.reference, o.name as unit_name, p.description
                from reporting_problem p join org_unit o on o.id = p.unit_id
                where p.unit_id = any(:units) and p.found_on <= :to and not p.confidential
                  and p.due_on < :asOf and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')
                order by p.due_on, p.reference
                limit :limit
                """)
            .param("units", unitsBelow(jdbc, bureau))
            .param("to", Date.valueOf(to))
            .param("asOf", Date.valueOf(asOf))
            .param("limit", limit)
            .query((rs, n) -> new OverdueItem(rs.getString("reference"), rs.getString("unit_name"),
                    rs.getString("description")))
            .list();
    }

    /**
     * A key task as the narrative names it: title, owner unit, status code, percentage,
     * deadline.
     */
    record TaskItem(String title, String unitName, String status, int percent, LocalDate deadline) {
        boolean done() {
            return "DONE".equals(status);
        }
    }

    /**
     * The campaign's key tasks of the bureau's units due by {@code dueBy} (null: all), by
     * deadline.
     */
    List<TaskItem> keyTasks(OrgUnit bureau, UUID campaign, LocalDate dueBy) {
        return jdbc.sql("""
                select t.title, o.name as unit_name, t.status, t.percent, t.deadline
                from reporting_key_task t join org_unit o on o.id = t.owner_unit_id
                where t.owner_unit_id = any(:units) and t.campaign_id = :campaign
                  and (cast(:dueBy as date) is null or t.deadline <= :dueBy)
                order by t.deadline, t.title
                """)
            .param("units", unitsBelow(jdbc, bureau))
            .param("campaign", campaign)
            .param("dueBy", dueBy == null ? null : Date.valueOf(dueBy))
            .query((rs, n) -> new TaskItem(rs.getString("title"), rs.getString("unit_name"), rs.getString("status"),
                    rs.getInt("percent"), rs.getDate("deadline").toLocalDate()))
            .list();
    }

    Figure describe(String key, BigDecimal value) {
        return new Figure(key, value, PERCENT.contains(key), countable(key) != null);
    }

    /** A rate in percent with one decimal, or null when the denominator is zero. */
    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

}

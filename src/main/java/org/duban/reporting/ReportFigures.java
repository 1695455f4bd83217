package org.duban.reporting;

import org.duban.complaint.Channel;
import org.duban.complaint.ComplaintFigures;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The figures of reports and the dashboard: readable SQL over the units of one bureau (or any unit set) and a
 * window of dates. Ledger figures read the read-only views of V51 (reporting_problem, reporting_accountability,
 * reporting_key_task), never the ledger's tables. Each counted figure is one named predicate, used both for the
 * count and for the list behind it ({@link #problemPredicate}), so a figure and its list cannot disagree.
 */
@Component
class ReportFigures {

    /** Problems found in the window, by what became of them. Keys are figure keys. */
    static final Map<String, String> PROBLEM_PREDICATES = new LinkedHashMap<>();

    static {
        PROBLEM_PREDICATES.put("problemsFound", "true");
        PROBLEM_PREDICATES.put("problemsConfirmed",
                "status in ('CONFIRMED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'SIGNED_OFF')");
        PROBLEM_PREDICATES.put("problemsRectified", "status in ('RECTIFIED', 'VERIFIED', 'SIGNED_OFF')");
        PROBLEM_PREDICATES.put("problemsSignedOff", "status = 'SIGNED_OFF'");
        // The ledger's own definition of overdue (ProblemLedger's list filter), as of the window's end or today.
        PROBLEM_PREDICATES.put("problemsOverdue",
                "due_on < :asOf and status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')");
    }

    static final Map<String, String> ACCOUNTABILITY_PREDICATES = Map.of(
            "accountability", "kind <> 'FAULT_TOLERANCE_EXEMPTION'",
            "exemptions", "kind = 'FAULT_TOLERANCE_EXEMPTION'");

    /** Where a figure that the dashboard cannot list itself leads: the owning module's list. */
    static final Map<String, String> LINKS = new LinkedHashMap<>(Map.of(
            "keyTasksDue", "/tasks", "keyTasksDone", "/tasks", "reportsSubmitted", "/reports",
            "inspections", "/inspections", "inspectionFindings", "/inspections",
            "screeningFindings", "/screening/findings", "screeningHigh", "/screening/findings"));

    /** Complaint figures, counted by the complaint module's {@link ComplaintFigures}; they lead to its inbox. */
    static final List<String> COMPLAINT_KEYS = List.of("complaints", "complaintsAnswered", "complaintsOnTimeRate",
            "satisfactionRate", "reopenRate");

    static {
        COMPLAINT_KEYS.forEach(key -> LINKS.put(key, "/complaints"));
        for (Channel channel : Channel.values()) {
            LINKS.put("channel." + channel.name(), "/complaints");
        }
    }

    static final Set<String> PERCENT = Set.of("confirmedRate", "rectifiedRate", "signedOffRate",
            "complaintsOnTimeRate", "satisfactionRate", "reopenRate");

    static final List<String> CATEGORIES = List.of("PROFIT_DRIVEN", "IRREGULAR", "RIGID", "ROUGH", "RENT_SEEKING");
    static final List<String> SOURCES = List.of("SELF_INSPECTION", "COMPLAINT", "SURPRISE_INSPECTION",
            "UNANNOUNCED_VISIT", "RANDOM_CHECK", "SUPERIOR_REFERRAL", "RISK_SCREENING", "OTHER");

    private final JdbcClient jdbc;
    private final ComplaintFigures complaintFigures;

    ReportFigures(JdbcClient jdbc, ComplaintFigures complaintFigures) {
        this.jdbc = jdbc;
        this.complaintFigures = complaintFigures;
    }

    /** A breakdown of problems found, e.g. by category: figure keys {@code category.<CODE>}. */
    record Breakdown(String name, List<Figure> items) {
    }

    /** The window a report covers: a monthly report its month, the others everything up to their period. */
    static LocalDate[] window(ReportKind kind, LocalDate period) {
        if (kind == ReportKind.MONTHLY) {
            return new LocalDate[]{period.withDayOfMonth(1), period.withDayOfMonth(period.lengthOfMonth())};
        }
        return new LocalDate[]{LocalDate.of(2000, 1, 1), period};
    }

    static UUID[] unitsBelow(JdbcClient jdbc, OrgUnit unit) {
        return jdbc.sql("select id from org_unit where path like :prefix")
                .param("prefix", unit.path() + "%").query(UUID.class).list().toArray(UUID[]::new);
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
     * The goal figures for problems found between {@code from} and {@code to} (inclusive) in {@code units}; overdue
     * as of {@code to} or {@code today}, whichever is earlier.
     */
    @Transactional(readOnly = true)
    List<Figure> compute(UUID[] units, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate asOf = to.isBefore(today) ? to : today;
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        StringBuilder select = new StringBuilder("select ");
        PROBLEM_PREDICATES.forEach((key, predicate) ->
                select.append("count(*) filter (where ").append(predicate).append(") as \"").append(key).append("\", "));
        select.setLength(select.length() - 2);
        select.append(" from reporting_problem where unit_id = any(:units) and found_on between :from and :to");
        jdbc.sql(select.toString()).param("units", units).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("asOf", Date.valueOf(asOf))
                .query(rs -> {
                    for (String key : PROBLEM_PREDICATES.keySet()) {
                        v.put(key, BigDecimal.valueOf(rs.getLong(key)));
                    }
                });
        jdbc.sql("select count(*) filter (where " + ACCOUNTABILITY_PREDICATES.get("accountability") + ") as accountability,"
                        + " count(*) filter (where " + ACCOUNTABILITY_PREDICATES.get("exemptions") + ") as exemptions"
                        + " from reporting_accountability where unit_id = any(:units) and decided_on between :from and :to")
                .param("units", units).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(rs -> {
                    v.put("accountability", BigDecimal.valueOf(rs.getLong("accountability")));
                    v.put("exemptions", BigDecimal.valueOf(rs.getLong("exemptions")));
                });
        jdbc.sql("""
                        select count(*) filter (where deadline <= :to) as due,
                               count(*) filter (where deadline <= :to and status = 'DONE') as done
                        from reporting_key_task
                        where owner_unit_id = any(:units)
                        """)
                .param("units", units).param("to", Date.valueOf(to))
                .query(rs -> {
                    v.put("keyTasksDue", BigDecimal.valueOf(rs.getLong("due")));
                    v.put("keyTasksDone", BigDecimal.valueOf(rs.getLong("done")));
                });
        v.put("reportsSubmitted", BigDecimal.valueOf(jdbc.sql("""
                        select count(*) from report_version v join report r on r.id = v.report_id
                        where r.unit_id = any(:units)
                          and cast(v.submitted_at at time zone 'Asia/Shanghai' as date) between :from and :to
                        """)
                .param("units", units).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single()));

        inspections(units, from, to, v);
        screening(units, v);
        List<Figure> figures = new ArrayList<>();
        for (String key : PROBLEM_PREDICATES.keySet()) {
            figures.add(describe(key, v.get(key)));
        }
        figures.add(describe("confirmedRate", rate(v.get("problemsConfirmed"), v.get("problemsFound"))));
        figures.add(describe("rectifiedRate", rate(v.get("problemsRectified"), v.get("problemsConfirmed"))));
        figures.add(describe("signedOffRate", rate(v.get("problemsSignedOff"), v.get("problemsConfirmed"))));
        figures.add(describe("accountability", v.get("accountability")));
        figures.add(describe("exemptions", v.get("exemptions")));
        figures.add(describe("keyTasksDue", v.get("keyTasksDue")));
        figures.add(describe("keyTasksDone", v.get("keyTasksDone")));
        figures.add(describe("inspections", v.get("inspections")));
        figures.add(describe("inspectionFindings", v.get("inspectionFindings")));
        figures.add(describe("screeningFindings", v.get("screeningFindings")));
        figures.add(describe("screeningHigh", v.get("screeningHigh")));
        ComplaintFigures.Figures c = complaints(units, from, to);
        figures.add(describe("complaints", BigDecimal.valueOf(c.total())));
        figures.add(describe("complaintsAnswered", BigDecimal.valueOf(c.answered())));
        figures.add(describe("complaintsOnTimeRate", rate(c.answeredOnTime(), c.answered())));
        figures.add(describe("satisfactionRate", rate(c.satisfied(), c.rated())));
        figures.add(describe("reopenRate", rate(c.reopened(), c.answered())));
        figures.add(describe("reportsSubmitted", v.get("reportsSubmitted")));
        return figures;
    }

    /**
     * Complaints received by a bureau among {@code units} and submitted in the window, from the complaint module's
     * query API: on time = answered on or before the due date among those answered; satisfied = 满意 or 基本满意
     * among those rated; reopened ("not satisfied") among those answered.
     */
    private ComplaintFigures.Figures complaints(UUID[] units, LocalDate from, LocalDate to) {
        return complaintFigures.figures(new DataScope(Set.of(units), ""), from, to);
    }

    private static BigDecimal rate(long part, long whole) {
        return rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** Risk findings of the latest screening run for the units, whatever the window (each run re-derives them). */
    private void screening(UUID[] units, Map<String, BigDecimal> v) {
        jdbc.sql("""
                        select count(*) as findings, count(*) filter (where severity = 'HIGH') as high
                        from reporting_screening_finding
                        where unit_id = any(:units)
                        """)
                .param("units", units)
                .query(rs -> {
                    v.put("screeningFindings", BigDecimal.valueOf(rs.getLong("findings")));
                    v.put("screeningHigh", BigDecimal.valueOf(rs.getLong("high")));
                });
    }

    /** Surprise inspections, unannounced visits and random checks planned in the window, and their findings. */
    private void inspections(UUID[] units, LocalDate from, LocalDate to, Map<String, BigDecimal> v) {
        v.put("inspections", BigDecimal.valueOf(jdbc.sql("""
                        select count(*) from reporting_inspection
                        where owner_unit_id = any(:units) and planned_on between :from and :to
                        """)
                .param("units", units).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single()));
        v.put("inspectionFindings", BigDecimal.valueOf(jdbc.sql("""
                        select count(*) from reporting_inspection_finding
                        where owner_unit_id = any(:units) and found_on between :from and :to
                        """)
                .param("units", units).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single()));
    }

    /** Problems found in the window by category and by source; complaints received by channel. */
    @Transactional(readOnly = true)
    List<Breakdown> breakdowns(UUID[] units, LocalDate from, LocalDate to) {
        Map<Channel, Long> byChannel = complaints(units, from, to).byChannel();
        Breakdown channels = new Breakdown("channel", java.util.Arrays.stream(Channel.values())
                .map(ch -> new Figure("channel." + ch.name(), BigDecimal.valueOf(byChannel.getOrDefault(ch, 0L)),
                        false, false))
                .toList());
        return List.of(breakdown("category", CATEGORIES, units, from, to), breakdown("source", SOURCES, units, from, to),
                channels);
    }

    private Breakdown breakdown(String column, List<String> codes, UUID[] units, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        // column is one of two fixed names, never user input.
        jdbc.sql("select " + column + " as code, count(*) as n from reporting_problem"
                        + " where unit_id = any(:units) and found_on between :from and :to group by " + column)
                .param("units", units).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(rs -> {
                    counts.put(rs.getString("code"), rs.getLong("n"));
                });
        List<Figure> items = codes.stream()
                .map(code -> new Figure(column + "." + code, BigDecimal.valueOf(counts.getOrDefault(code, 0L)),
                        false, true))
                .toList();
        return new Breakdown(column, items);
    }

    /** An overdue problem as the report names it; confidential ones are counted but never described. */
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
                .param("units", unitsBelow(jdbc, bureau)).param("to", Date.valueOf(to))
                .param("asOf", Date.valueOf(asOf)).param("limit", limit)
                .query((rs, n) -> new OverdueItem(rs.getString("reference"), rs.getString("unit_name"),
                        rs.getString("description")))
                .list();
    }

    Figure describe(String key, BigDecimal value) {
        return new Figure(key, value, PERCENT.contains(key), listable(key));
    }

    /** Whether the dashboard can list the rows behind a figure (counts of problems and accountability records). */
    static boolean listable(String key) {
        return PROBLEM_PREDICATES.containsKey(key) || ACCOUNTABILITY_PREDICATES.containsKey(key)
                || key.startsWith("category.") || key.startsWith("source.");
    }

    /** The predicate on reporting_problem behind a problem figure, or null when the key names none. */
    static String problemPredicate(String key) {
        if (PROBLEM_PREDICATES.containsKey(key)) {
            return PROBLEM_PREDICATES.get(key);
        }
        if (key.startsWith("category.") && CATEGORIES.contains(key.substring(9))) {
            return "category = '" + key.substring(9) + "'";
        }
        if (key.startsWith("source.") && SOURCES.contains(key.substring(7))) {
            return "source = '" + key.substring(7) + "'";
        }
        return null;
    }

    /** A rate in percent with one decimal, or null when the denominator is zero. */
    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}

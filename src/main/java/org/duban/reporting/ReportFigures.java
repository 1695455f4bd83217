package org.duban.reporting;

import org.duban.organization.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The figures of reports and the dashboard, as readable SQL over the units of one bureau (or any unit set) and
 * a reporting window. Each figure names the list behind it. Figures of modules not yet present are left out
 * (see docs/reporting.md).
 */
@Component
class ReportFigures {

    /** Figures shown as percentages. */
    static final Set<String> PERCENT = Set.of();

    /** The list behind each figure: where a click on it goes. */
    static final Map<String, String> LISTS = Map.of(
            "units", "/campaigns");

    private final JdbcClient jdbc;

    ReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The window a report covers: a monthly report its month, the others everything up to their period. */
    static LocalDate[] window(ReportKind kind, LocalDate period) {
        if (kind == ReportKind.MONTHLY) {
            return new LocalDate[]{period.withDayOfMonth(1), period.withDayOfMonth(period.lengthOfMonth())};
        }
        return new LocalDate[]{LocalDate.of(2000, 1, 1), period};
    }

    @Transactional(readOnly = true)
    List<Figure> compute(OrgUnit bureau, LocalDate period, ReportKind kind) {
        UUID[] units = jdbc.sql("select id from org_unit where path like :prefix")
                .param("prefix", bureau.path() + "%").query(UUID.class).list().toArray(UUID[]::new);
        LocalDate[] window = window(kind, period);
        return compute(units, window[0], window[1]);
    }

    @Transactional(readOnly = true)
    List<Figure> compute(UUID[] units, LocalDate from, LocalDate to) {
        List<Figure> figures = new ArrayList<>();
        figures.add(describe("units", count("select count(*) from org_unit where id = any(:units)", units, from, to)));
        return figures;
    }

    Figure describe(String key, BigDecimal value) {
        return new Figure(key, value, PERCENT.contains(key), LISTS.get(key));
    }

    private BigDecimal count(String sql, UUID[] units, LocalDate from, LocalDate to) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("units", units);
        if (sql.contains(":from")) {
            params.put("from", java.sql.Date.valueOf(from));
        }
        if (sql.contains(":to")) {
            params.put("to", java.sql.Date.valueOf(to));
        }
        Number n = jdbc.sql(sql).params(params).query(Number.class).single();
        return n == null ? BigDecimal.ZERO : new BigDecimal(n.toString());
    }

    /** A rate in percent with one decimal, or null when the denominator is zero. */
    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}

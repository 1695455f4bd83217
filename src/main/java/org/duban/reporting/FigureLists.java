package org.duban.reporting;

import org.duban.shared.BureauClock;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows behind a dashboard figure, with the same source and predicate as the count
 * ({@link ReportFigures.Countable}), so the number of rows listed is the figure. Rows are
 * the owning module's data: a reader without that module's read permission (e.g.
 * {@code ledger:accountability:read}) sees the figure's total but no rows. The views
 * carry no free text except a non-confidential problem's description. A confidential row
 * (a confidential clue, an unannounced visit not yet closed, a screening finding naming
 * an officer) is counted and listed, but to a reader without the owning module's
 * need-to-know permission it shows only its unit: no reference, date, detail or link.
 */
@Component
class FigureLists {

    static final int LIMIT = 500;

    /**
     * One listed row: its link (null: a confidential row the reader may not open),
     * whether it is hidden as confidential, whether it counts in a rate's part, and the
     * raw values of the source's columns (formatted by the page).
     */
    record Row(UUID id, String link, String unitName, boolean confidential, boolean hidden, boolean counted,
            List<Object> values) {
    }

    /**
     * @param part rows also counted in the rate's part, or null for a count
     * @param restricted the reader may see the figure but not the rows: they lack the
     * owning module's read permission, so {@code rows} is empty
     */
    record Result(String figure, FigureSource source, long total, Long part, List<Row> rows, boolean restricted) {
        public List<FigureSource.Column> columns() {
            return source.columns;
        }
    }

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final BureauClock clock;

    FigureLists(JdbcClient jdbc, OrgUnits units, BureauClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * The units to list: the whole scope, or one unit and those below it if the scope
     * includes it.
     */
    UUID[] units(DataScope scope, UUID unit) {
        if (unit == null) {
            return scope.unitArray();
        }
        if (!scope.includes(unit)) {
            throw new NotFoundException("unit " + unit);
        }
        OrgUnit root = units.find(unit).orElseThrow(() -> new NotFoundException("unit " + unit));
        return units.all()
            .stream()
            .filter(root::contains)
            .map(OrgUnit::id)
            .filter(scope::includes)
            .toArray(UUID[]::new);
    }

    /**
     * The rows behind {@code figure} in {@code unitIds}, newest first, at most
     * {@link #LIMIT}; {@code reader} decides links and the hiding of confidential rows
     * (null: a reader with every permission, for tests).
     */
    @Transactional(readOnly = true)
    Result list(String figure, UUID[] unitIds, LocalDate from, LocalDate to, LocalDate today, DubanUser reader) {
        return list(figure, unitIds, new ReportFigures.Span(from, to, today, null), reader);
    }

    /**
     * As above, within a span that may name the campaigns counted, as the dashboard's
     * figure was.
     */
    @Transactional(readOnly = true)
    Result list(String figure, UUID[] unitIds, ReportFigures.Span span, DubanUser reader) {
        LocalDate from = span.from();
        LocalDate to = span.to();
        LocalDate today = span.today();
        ReportFigures.Countable c = ReportFigures.countable(figure);
        if (c == null) {
            throw new NotFoundException("figure " + figure);
        }
        FigureSource s = c.source();
        LocalDate asOf = to.isBefore(today) ? to : today;
        UUID keyUnit = ReportFigures.keyUnit(figure);
        // The predicate applies to the source alone (its columns unqualified), then units
        // are joined.
        String inner = "select *, (" + (c.rate() ? c.part() : "false") + ") as counted_" + s.scoped() + " and ("
                + c.predicate() + ")";
        long[] totals = new long[2];
        jdbc.sql("select count(*), count(*) filter (where counted_) from (" + inner + ") x")
            .param("units", unitIds)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .param("asOf", Date.valueOf(asOf))
            .param("keyUnit", keyUnit)
            .param("campaigns", span.campaigns())
            .param("zone", clock.zone().getId())
            .query(rs -> {
                totals[0] = rs.getLong(1);
                totals[1] = rs.getLong(2);
            });
        StringBuilder select = new StringBuilder("select x.").append(s.idColumn())
            .append(" as link_id, x.counted_,")
            .append(" o.name as unit_name, ")
            .append(s.confidentialColumn == null ? "false" : "x." + s.confidentialColumn)
            .append(" as confidential_");
        for (FigureSource.Column column : s.columns) {
            select.append(", ").append(column.sql());
        }
        select.append(" from (")
            .append(inner)
            .append(") x join org_unit o on o.id = x.")
            .append(s.shownUnitColumn)
            .append(" order by ")
            .append(s.order)
            .append(" limit ")
            .append(LIMIT);
        boolean mayOpen = reader == null || reader.can(s.readPermission);
        boolean mayReadConfidential = reader == null || s.confidentialPermission == null
                || reader.can(s.confidentialPermission);
        if (!mayOpen) {
            return new Result(figure, s, totals[0], c.rate() ? totals[1] : null, List.of(), true);
        }
        List<Row> rows = jdbc.sql(select.toString())
            .param("units", unitIds)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .param("asOf", Date.valueOf(asOf))
            .param("keyUnit", keyUnit)
            .param("campaigns", span.campaigns())
            .param("zone", clock.zone().getId())
            .query((rs, n) -> row(rs, s, mayReadConfidential))
            .list();
        return new Result(figure, s, totals[0], c.rate() ? totals[1] : null, rows, false);
    }

    private static Row row(ResultSet rs, FigureSource s, boolean mayReadConfidential) throws SQLException {
        UUID id = rs.getObject("link_id", UUID.class);
        boolean confidential = rs.getBoolean("confidential_");
        boolean hidden = confidential && !mayReadConfidential;
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < s.columns.size(); i++) {
            // Columns follow the four fixed ones; a hidden row keeps none of its values.
            Object value = hidden ? null : rs.getObject(5 + i);
            values.add(value instanceof java.sql.Date d ? d.toLocalDate() : value);
        }
        String link = hidden ? null : s.link + id;
        return new Row(hidden ? null : id, link, rs.getString("unit_name"), confidential, hidden,
                rs.getBoolean("counted_"), values);
    }

}

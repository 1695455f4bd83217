package org.duban.reporting;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rows behind a dashboard figure, with the same predicate as the count. A confidential problem shows its
 * reference, category and status but never its description (the view does not carry it); its full record stays
 * behind the ledger's own need-to-know rules.
 */
@Component
class FigureLists {

    static final int LIMIT = 500;

    record Row(UUID id, String reference, String category, String source, String status, String unitName,
               LocalDate foundOn, LocalDate dueOn, boolean confidential, String description) {
    }

    record Result(String figure, long total, List<Row> rows, boolean problems) {
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;

    FigureLists(JdbcClient jdbc, OrgUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** The units to list: the whole scope, or one unit and those below it if the scope includes it. */
    UUID[] units(DataScope scope, UUID unit) {
        if (unit == null) {
            return scope.unitArray();
        }
        if (!scope.includes(unit)) {
            throw new NotFoundException("unit " + unit);
        }
        OrgUnit root = units.find(unit).orElseThrow(() -> new NotFoundException("unit " + unit));
        return units.all().stream().filter(root::contains).map(OrgUnit::id).filter(scope::includes)
                .toArray(UUID[]::new);
    }

    @Transactional(readOnly = true)
    Result list(String figure, UUID[] unitIds, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate asOf = to.isBefore(today) ? to : today;
        String predicate = ReportFigures.problemPredicate(figure);
        if (predicate != null) {
            // The figure's predicate applies to the view alone (its columns unqualified), then units are joined.
            String where = " from (select * from reporting_problem where unit_id = any(:units)"
                    + " and found_on between :from and :to and (" + predicate + ")) p join org_unit o on o.id = p.unit_id";
            long total = jdbc.sql("select count(*)" + where).param("units", unitIds)
                    .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("asOf", Date.valueOf(asOf))
                    .query(Long.class).single();
            List<Row> rows = jdbc.sql("select p.*, o.name as unit_name" + where
                            + " order by p.found_on desc, p.reference desc limit " + LIMIT)
                    .param("units", unitIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                    .param("asOf", Date.valueOf(asOf))
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("reference"),
                            rs.getString("category"), rs.getString("source"), rs.getString("status"),
                            rs.getString("unit_name"), rs.getDate("found_on").toLocalDate(),
                            rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate(),
                            rs.getBoolean("confidential"), rs.getString("description")))
                    .list();
            return new Result(figure, total, rows, true);
        }
        String accountability = ReportFigures.ACCOUNTABILITY_PREDICATES.get(figure);
        if (accountability != null) {
            String where = " from (select * from reporting_accountability where unit_id = any(:units)"
                    + " and decided_on between :from and :to and (" + accountability + ")) a join org_unit o on o.id = a.unit_id";
            long total = jdbc.sql("select count(*)" + where).param("units", unitIds)
                    .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Long.class).single();
            List<Row> rows = jdbc.sql("select a.*, o.name as unit_name" + where + " order by a.decided_on desc limit " + LIMIT)
                    .param("units", unitIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), null, rs.getString("kind"), null, null,
                            rs.getString("unit_name"), rs.getDate("decided_on").toLocalDate(), null, false, null))
                    .list();
            return new Result(figure, total, rows, false);
        }
        throw new NotFoundException("figure " + figure);
    }
}

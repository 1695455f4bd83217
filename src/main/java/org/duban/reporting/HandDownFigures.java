package org.duban.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's hand-down figures (上级交办, ADR 0610/0611), read from the view
 * {@code reporting_hand_down}: for each bureau, the items handed to it, and for the
 * issuing bureau the items it handed down. The tallies mean what {@code /handdowns}
 * shows: open = at the receiving bureau (issued or returned), overdue = open past its due
 * date, awaiting acceptance = reported back, returned = returned at least once.
 */
@Component
class HandDownFigures {

    /** One bureau's hand-downs, received or issued. */
    record Tally(int open, int overdue, int awaitingAcceptance, int returned) {

        static final Tally NONE = new Tally(0, 0, 0, 0);

    }

    private static final String COUNTS = """
            count(*) filter (where status in ('ISSUED', 'RETURNED')) as open,
            count(*) filter (where status in ('ISSUED', 'RETURNED') and due_on < :today) as overdue,
            count(*) filter (where status = 'REPORTED') as awaiting,
            count(*) filter (where returns > 0) as returned
            """;

    private final JdbcClient jdbc;

    HandDownFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per bureau, the items handed to it: one grouped query for all of them. */
    @Transactional(readOnly = true)
    Map<UUID, Tally> received(List<UUID> bureaus, LocalDate today) {
        return tallies("to_unit_id", bureaus, today);
    }

    /** Per bureau, the items it handed down to the bureaus below it. */
    @Transactional(readOnly = true)
    Map<UUID, Tally> issued(List<UUID> bureaus, LocalDate today) {
        return tallies("from_unit_id", bureaus, today);
    }

    private Map<UUID, Tally> tallies(String side, List<UUID> bureaus, LocalDate today) {
        Map<UUID, Tally> tallies = new HashMap<>();
        bureaus.forEach(b -> tallies.put(b, Tally.NONE));
        if (bureaus.isEmpty()) {
            return tallies;
        }
        // side is one of two fixed column names, never input
        jdbc.sql("select " + side + " as bureau, " + COUNTS + " from reporting_hand_down where " + side
                + " = any(:bureaus) group by " + side)
            .param("bureaus", bureaus.toArray(UUID[]::new))
            .param("today", Date.valueOf(today))
            .query(rs -> {
                tallies.put(rs.getObject("bureau", UUID.class), new Tally(rs.getInt("open"), rs.getInt("overdue"),
                        rs.getInt("awaiting"), rs.getInt("returned")));
            });
        return tallies;
    }

}

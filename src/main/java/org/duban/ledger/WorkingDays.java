package org.duban.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Working-day arithmetic on the holiday calendar ({@code holiday_calendar}): Monday to Friday are working days
 * unless listed as a holiday; a weekend day listed as working (调休) is a working day.
 */
@Component
public class WorkingDays {

    private final JdbcClient jdbc;

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The date on which a time limit of {@code days} working days, counted from the day after {@code from}, ends. */
    public LocalDate add(LocalDate from, int days) {
        Map<LocalDate, Boolean> calendar = calendar(from, from.plusDays(days * 3L + 40));
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorking(day, calendar)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} is earlier. */
    public int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        Map<LocalDate, Boolean> calendar = calendar(from, to);
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorking(d, calendar)) {
                n++;
            }
        }
        return n;
    }

    static boolean isWorking(LocalDate day, Map<LocalDate, Boolean> calendar) {
        Boolean listed = calendar.get(day);
        if (listed != null) {
            return listed;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, Boolean> calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> result = new HashMap<>();
        jdbc.sql("select day, working from holiday_calendar where day between :a and :b")
                .param("a", Date.valueOf(from)).param("b", Date.valueOf(to))
                .query(rs -> {
                    result.put(rs.getDate("day").toLocalDate(), rs.getBoolean("working"));
                });
        return result;
    }
}

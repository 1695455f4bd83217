package org.duban.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Working-day arithmetic on the holiday calendar ({@code holiday_calendar}): Monday to
 * Friday are working days unless listed as a holiday; a weekend day listed as working
 * (调休) is a working day.
 *
 * <p>
 * Every complaint submitted computes two time limits, so the calendar of the days around
 * today is kept in memory: read again after an edit on this instance has committed
 * ({@link #calendarChanged()}), and at least every {@link #REREAD} in case another
 * instance edited it. Days outside that window are read from the table.
 */
@Component
public class WorkingDays {

    static final Duration REREAD = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    private final Clock clock;

    private volatile Window window;

    /**
     * The calendar rows of the days {@code from} to {@code to}, as read at
     * {@code readAt}.
     */
    private record Window(LocalDate from, LocalDate to, Map<LocalDate, Boolean> days, Instant readAt) {
    }

    WorkingDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Forgets the calendar kept in memory once the current transaction (an edit of the
     * calendar) has committed.
     */
    void calendarChanged() {
        window = null;
        // Once per transaction, however many days it edits (an imported year calls this
        // for every day).
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations()
                    .stream()
                    .noneMatch(ForgetAfterCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new ForgetAfterCommit());
        }
    }

    private final class ForgetAfterCommit implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            window = null;
        }

    }

    /**
     * The date on which a time limit of {@code days} working days, counted from the day
     * after {@code from}, ends.
     */
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

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when
     * {@code to} is earlier.
     */
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

    /**
     * The working days of {@code from} to {@code to}, read once: for counting many time
     * limits at a time (a to-do page of 300 rows) without reading the calendar for each.
     */
    public Span span(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> calendar = calendar(from, to);
        int[] counted = new int[(int) (to.toEpochDay() - from.toEpochDay()) + 1];
        int n = 0;
        for (int i = 0; i < counted.length; i++) {
            n += isWorking(from.plusDays(i), calendar) ? 1 : 0;
            counted[i] = n;
        }
        return new Span(from, counted);
    }

    /** Working days counted up to each day of a span. */
    public static final class Span {

        private final LocalDate first;

        private final int[] counted;

        private Span(LocalDate first, int[] counted) {
            this.first = first;
            this.counted = counted;
        }

        /**
         * As {@link WorkingDays#between}, for two days inside the span: working days from
         * {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} is
         * earlier.
         */
        public int between(LocalDate from, LocalDate to) {
            return upTo(to) - upTo(from);
        }

        private int upTo(LocalDate day) {
            int i = (int) (day.toEpochDay() - first.toEpochDay());
            if (i < 0 || i >= counted.length) {
                throw new IllegalArgumentException(day + " is outside the span");
            }
            return counted[i];
        }

    }

    static boolean isWorking(LocalDate day, Map<LocalDate, Boolean> calendar) {
        Boolean listed = calendar.get(day);
        if (listed != null) {
            return listed;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, Boolean> calendar(LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        Window w = window;
        if (w == null || w.readAt().isBefore(now.minus(REREAD))) {
            // A year back (extensions of old limits) and two ahead (the longest limits
            // counted from today).
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            w = new Window(today.minusYears(1), today.plusYears(2), read(today.minusYears(1), today.plusYears(2)), now);
            window = w;
        }
        return from.isBefore(w.from()) || to.isAfter(w.to()) ? read(from, to) : w.days();
    }

    private Map<LocalDate, Boolean> read(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> result = new HashMap<>();
        jdbc.sql("select day, working from holiday_calendar where day between :a and :b")
            .param("a", Date.valueOf(from))
            .param("b", Date.valueOf(to))
            .query(rs -> {
                result.put(rs.getDate("day").toLocalDate(), rs.getBoolean("working"));
            });
        return Map.copyOf(result);
    }

}

package org.duban.complaint;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Counts working days: Saturdays, Sundays and configured holidays do not count. */
record WorkingDays(Set<LocalDate> holidays) {

    LocalDate add(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}

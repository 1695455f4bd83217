package org.duban.ledger;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * A day of the holiday calendar: a holiday (not working) or a working weekend day (调休).
 */
public record HolidayForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Boolean working,
        @Size(max = 50) String name, Long version) {

    public static HolidayForm empty() {
        return new HolidayForm(null, false, "", null);
    }

    public boolean isWorking() {
        return Boolean.TRUE.equals(working);
    }

    public static HolidayForm of(ReferenceData.Holiday h) {
        return new HolidayForm(h.day(), h.working(), h.name(), h.version());
    }
}

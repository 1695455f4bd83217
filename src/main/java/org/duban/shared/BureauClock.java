package org.duban.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The bureau's clock: "today", deadlines and every time shown to a user are in the
 * bureau's zone ({@code duban.zone}, Asia/Shanghai by default), whatever zone the server
 * runs in. Timestamps are stored as instants; only their display and the calendar date
 * depend on the zone. Templates call it as {@code @bureauClock}
 * ({@code ${@bureauClock.minutes(r.submittedAt())}}), because Thymeleaf's
 * {@code #temporals} formats an instant in the JVM's default zone — UTC on a typical
 * container (docs/adr/0401-one-bureau-zone.md).
 */
@Component("bureauClock")
public class BureauClock {

    /**
     * The zone when {@code duban.zone} is not set; also the placeholder default of
     * {@code @Scheduled} jobs.
     */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    private final ZoneId zone;

    public BureauClock(Clock clock, @Value("${duban.zone:" + DEFAULT_ZONE + "}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The calendar date in the bureau right now. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The bureau's wall-clock time of an instant (null stays null). */
    public LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    /** "2023-06-30", the bureau's day of an instant; "" for null. */
    public String day(Object at) {
        return format(at, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** "2023-06-30 14:05" in the bureau's zone; "" for null. */
    public String minutes(Object at) {
        return format(at, MINUTES);
    }

    /** "2023-06-30 14:05:09" in the bureau's zone; "" for null. */
    public String seconds(Object at) {
        return format(at, SECONDS);
    }

    private String format(Object at, DateTimeFormatter pattern) {
        TemporalAccessor local;
        if (at == null) {
            return "";
        }
        else if (at instanceof Instant i) {
            local = i.atZone(zone);
        }
        else if (at instanceof OffsetDateTime o) {
            local = o.atZoneSameInstant(zone);
        }
        else if (at instanceof ZonedDateTime z) {
            local = z.withZoneSameInstant(zone);
        }
        else if (at instanceof java.util.Date d) {
            local = d.toInstant().atZone(zone);
        }
        else if (at instanceof LocalDateTime l) {
            local = l; // already a wall-clock time, converted with local(...) in the
                       // bureau's zone
        }
        else {
            throw new IllegalArgumentException("not a point in time: " + at.getClass().getSimpleName());
        }
        return pattern.format(local);
    }

}

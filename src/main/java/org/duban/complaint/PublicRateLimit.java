package org.duban.complaint;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters per client address for the public routes (submission; receipt
 * look-up and the other receipt-holder actions), kept in the database so that the limit
 * holds per address across all instances. Keys are HMAC pseudonyms of the address. One
 * upsert per attempt, in its own statement (never in the caller's transaction), on an
 * unlogged table.
 */
@Component
class PublicRateLimit {

    enum Kind {

        SUBMISSION, LOOKUP

    }

    private final ComplaintSettings.RateLimit settings;

    private final Secrets secrets;

    private final Clock clock;

    private final JdbcClient jdbc;

    private final Map<String, RaisedWindow> raised = new ConcurrentHashMap<>();

    PublicRateLimit(ComplaintSettings settings, Secrets secrets, Clock clock, JdbcClient jdbc) {
        this.settings = settings.rateLimit();
        this.secrets = secrets;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Counts one attempt; throws {@link RateLimited} once the address is over its limit
     * for this window.
     */
    void check(Kind kind, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration length = settings.window();
        if (settings.raisedAddresses().contains(address)) {
            checkRaised(kind, address, now, length);
            return;
        }
        int limit = kind == Kind.SUBMISSION ? settings.submissions() : settings.lookups();
        // A window that has ended starts again with this attempt; otherwise the attempt
        // is added to it.
        Map<String, Object> window = jdbc
            .sql("""
                    insert into complaint_rate_limit as w (bucket, window_start, hits) values (:bucket, :now, 1)
                    on conflict (bucket) do update set
                        window_start = case when w.window_start <= :ended then excluded.window_start else w.window_start end,
                        hits = case when w.window_start <= :ended then 1 else w.hits + 1 end
                    returning window_start, hits
                    """)
            .param("bucket", kind.name() + ":" + secrets.addressPseudonym(address))
            .param("now", Timestamp.from(now))
            .param("ended", Timestamp.from(now.minus(length)))
            .query()
            .singleRow();
        if (((Number) window.get("hits")).intValue() > limit) {
            throw RateLimited.until(((Timestamp) window.get("window_start")).toInstant().plus(length), now);
        }
    }

    /**
     * A raised address (a trusted hotline gateway) is counted in this instance's memory
     * only, not in the database: its limit is a safety net against a runaway client, not
     * a defence against guessing, and one database upsert per request was a noticeable
     * share of the cost of a submission. With several instances each allows
     * {@code raisedLimit} per window. The map holds at most two entries per configured
     * address, so nothing is removed.
     */
    private void checkRaised(Kind kind, String address, Instant now, Duration length) {
        RaisedWindow window = raised.compute(kind.name() + ":" + address,
                (key, w) -> w == null || !w.start().isAfter(now.minus(length))
                        ? new RaisedWindow(now, new AtomicInteger()) : w);
        if (window.hits().incrementAndGet() > settings.raisedLimit()) {
            throw RateLimited.until(window.start().plus(length), now);
        }
    }

    private record RaisedWindow(Instant start, AtomicInteger hits) {
    }

    /** Windows that have ended are of no use: a new attempt starts a new one. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    @SchedulerLock(name = "complaint-rate-limit-cleanup", lockAtMostFor = "PT5M")
    void forgetEndedWindows() {
        jdbc.sql("delete from complaint_rate_limit where window_start <= :ended")
            .param("ended", Timestamp.from(clock.instant().minus(settings.window())))
            .update();
    }

    /** Too many attempts from one address; carries the minutes until the window ends. */
    static class RateLimited extends RuntimeException {

        private final long retryAfterMinutes;

        RateLimited(long retryAfterMinutes) {
            super("rate limited", null, false, false);
            this.retryAfterMinutes = retryAfterMinutes;
        }

        static RateLimited until(Instant windowEnd, Instant now) {
            return new RateLimited(Math.max(1, Duration.between(now, windowEnd).toMinutes() + 1));
        }

        long retryAfterMinutes() {
            return retryAfterMinutes;
        }

    }

}

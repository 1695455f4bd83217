package org.duban.complaint;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters per client address for the public routes (submission; receipt look-up and the other
 * receipt-holder actions). Keys are HMAC pseudonyms of the address. Counted per instance: with n instances behind a
 * load balancer an address gets at most n times the limit, which still stops guessing 66-bit receipts.
 */
@Component
class PublicRateLimit {

    enum Kind { SUBMISSION, LOOKUP }

    private record Window(long start, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ComplaintSettings.RateLimit settings;
    private final Secrets secrets;
    private final Clock clock;

    PublicRateLimit(ComplaintSettings settings, Secrets secrets, Clock clock) {
        this.settings = settings.rateLimit();
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Counts one attempt; throws {@link RateLimited} once the address is over its limit for this window. */
    void check(Kind kind, String address) {
        int limit = settings.raisedAddresses().contains(address) ? settings.raisedLimit()
                : kind == Kind.SUBMISSION ? settings.submissions() : settings.lookups();
        long now = clock.millis();
        long length = settings.window().toMillis();
        String key = kind + ":" + secrets.addressPseudonym(address);
        Window window = windows.compute(key, (k, w) -> w == null || now - w.start() >= length
                ? new Window(now, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() > limit) {
            long minutes = Math.max(1, Duration.ofMillis(window.start() + length - now).toMinutes() + 1);
            throw new RateLimited(minutes);
        }
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldWindows() {
        long now = clock.millis();
        long length = settings.window().toMillis();
        windows.values().removeIf(w -> now - w.start() >= length);
    }

    /** Too many attempts from one address; carries the minutes until the window ends. */
    static class RateLimited extends RuntimeException {
        private final long retryAfterMinutes;

        RateLimited(long retryAfterMinutes) {
            super("rate limited", null, false, false);
            this.retryAfterMinutes = retryAfterMinutes;
        }

        long retryAfterMinutes() {
            return retryAfterMinutes;
        }
    }
}

package org.duban.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what an event listener does after the commit (a notice, a delivery): polls a
 * condition for up to ten seconds.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }

}

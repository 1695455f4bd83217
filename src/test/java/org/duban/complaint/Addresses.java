package org.duban.complaint;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for MockMvc requests, so that tests do not share one address's
 * rate-limit window.
 */
final class Addresses {

    // A random start: the counters live in the database, which an external test database
    // keeps between runs.
    private static final AtomicInteger NEXT = new AtomicInteger(1 + ThreadLocalRandom.current().nextInt(1 << 22));

    private Addresses() {
    }

    /** A fresh address no other request used. */
    static String fresh() {
        int n = NEXT.getAndIncrement();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static RequestPostProcessor fromFresh() {
        return from(fresh());
    }

}

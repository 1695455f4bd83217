package org.duban.complaint;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

/** Client addresses for MockMvc requests, so that tests do not share one address's rate-limit window. */
final class Addresses {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

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

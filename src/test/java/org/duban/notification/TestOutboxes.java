package org.duban.notification;

import org.duban.shared.BureauClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

/**
 * For tests of other modules: an outbox whose SMS channel posts to a local gateway (the
 * application's is off).
 */
public final class TestOutboxes {

    private TestOutboxes() {
    }

    public static Outbox withSmsGateway(JdbcClient jdbc, BureauClock clock, String url, List<AddressBook> books) {
        SmsAdapter sms = new SmsAdapter(new HttpPost(Duration.ofSeconds(2)), true, url);
        return new Outbox(jdbc, clock, List.of(sms), books, Duration.ofMillis(200), 3);
    }

    /** A gateway on 127.0.0.1 answering {@code status}; close it after the test. */
    public static Gateway gateway(int status) throws java.io.IOException {
        return new Gateway(new LocalGateway(status));
    }

    public record Gateway(LocalGateway server) implements AutoCloseable {
        public String url() {
            return server.url();
        }

        public List<String> bodies() {
            return server.received.stream().map(LocalGateway.Received::body).toList();
        }

        @Override
        public void close() {
            server.close();
        }
    }

}

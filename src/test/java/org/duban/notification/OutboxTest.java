package org.duban.notification;

import org.duban.shared.BureauClock;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox on the real database with an SMS gateway on 127.0.0.1: retried with back-off
 * after a 5xx, given up after the last attempt, each attempt visible to the
 * administrator; at most once per address and key; quiet hours. (The application's own
 * SMS channel is off in tests, so its scheduled worker leaves these rows alone.)
 */
@DubanTest
class OutboxTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BureauClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    Outbox outbox(LocalGateway gateway, int maxAttempts) {
        return outbox(gateway, maxAttempts, Duration.ofSeconds(2));
    }

    Outbox outbox(LocalGateway gateway, int maxAttempts, Duration timeout) {
        SmsAdapter sms = new SmsAdapter(new HttpPost(timeout), true, gateway.url());
        return new Outbox(jdbc, clock, List.of(sms), List.of(), Duration.ofMillis(400), maxAttempts);
    }

    Map<String, Object> row(String key) {
        return jdbc.sql("select * from notification_outbox where dedup_key = :k").param("k", key).query().singleRow();
    }

    @Test
    void aServerErrorIsRetriedAfterABackOffThenDelivered() throws Exception {
        try (LocalGateway gateway = new LocalGateway(503, 200)) {
            Outbox outbox = outbox(gateway, 5);
            String key = "test:" + UUID.randomUUID();
            assertThat(outbox.sms(null, "13800000001", "T", Map.of("n", 1), key, true, null, null)).isTrue();
            assertThat(outbox.sms(null, "13800000001", "T", Map.of("n", 1), key, true, null, null))
                .as("once per address and key")
                .isFalse();

            assertThat(outbox.deliverDue(10)).isZero();
            assertThat(row(key)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
            assertThat(outbox.deliverDue(10)).as("not before the back-off").isZero();
            Thread.sleep(600);
            assertThat(outbox.deliverDue(10)).isEqualTo(1);
            assertThat(row(key)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
            UUID id = (UUID) row(key).get("id");
            assertThat(outbox.attempts(id)).extracting(Outbox.Attempt::outcome).containsExactly("RETRY", "DELIVERED");
            assertThat(outbox.attempts(id).get(0).httpStatus()).isEqualTo(503);

            mvc.perform(get("/admin/outbox/" + id).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("503")))
                .andExpect(content().string(containsString("138****0001")));
            mvc.perform(get("/admin/outbox").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("138****0001")));
        }
    }

    @Test
    void afterTheLastAttemptTheMessageIsFailedAndTheTimeoutIsRecorded() throws Exception {
        try (LocalGateway gateway = new LocalGateway(200)) {
            gateway.delayMillis = 2000;
            Outbox outbox = outbox(gateway, 2, Duration.ofMillis(300));
            String key = "test:" + UUID.randomUUID();
            outbox.sms(null, "13800000002", "T", Map.of(), key, true, null, null);
            outbox.deliverDue(10);
            Thread.sleep(600);
            outbox.deliverDue(10);
            assertThat(row(key)).containsEntry("status", "FAILED").containsEntry("attempts", 2);
            assertThat((String) row(key).get("last_error")).contains("timeout");
        }
    }

    @Test
    void noSmsInTheQuietHoursUnlessUrgent() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant late = java.time.LocalDateTime.of(2023, 6, 1, 23, 30).atZone(shanghai).toInstant();
        Instant noon = java.time.LocalDateTime.of(2023, 6, 1, 12, 0).atZone(shanghai).toInstant();
        Instant morning = java.time.LocalDateTime.of(2023, 6, 2, 7, 0).atZone(shanghai).toInstant();
        assertThat(Outbox.afterQuietHours(late, shanghai, LocalTime.of(22, 0), LocalTime.of(7, 0))).isEqualTo(morning);
        assertThat(Outbox.afterQuietHours(noon, shanghai, LocalTime.of(22, 0), LocalTime.of(7, 0))).isNull();
        assertThat(Outbox.afterQuietHours(noon, shanghai, LocalTime.of(12, 0), LocalTime.of(13, 0)))
            .isEqualTo(java.time.LocalDateTime.of(2023, 6, 1, 13, 0).atZone(shanghai).toInstant());
    }

    @Test
    void mainlandMobileNumbersOnly() {
        assertThat(MobileNumbers.normalise("+86 138-0000-0000")).contains("13800000000");
        assertThat(MobileNumbers.isMobile("0477-1234567")).isFalse();
        assertThat(MobileNumbers.isMobile("12800000000")).isFalse();
        assertThat(MobileNumbers.isMobile(null)).isFalse();
    }

}

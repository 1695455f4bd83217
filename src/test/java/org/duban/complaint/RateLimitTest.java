package org.duban.complaint;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing receipts is stopped per address (the default limits: 20 look-ups and 5
 * submissions per 10 minutes).
 */
@DubanTest
class RateLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ComplaintSettings settings;

    @Autowired
    Secrets secrets;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void guessingReceiptsOnThePortalIsStoppedWithAChineseMessage() throws Exception {
        String guesser = Addresses.fresh();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/public/complaints/status").with(csrf())
                .with(Addresses.from(guesser))
                .param("receipt", String.format("%020d", i))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/public/complaints/status").with(csrf())
            .with(Addresses.from(guesser))
            .param("receipt", String.format("%020d", 21)))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().exists("Retry-After"))
            .andExpect(content().string(containsString("操作过于频繁")));
        // Adding information or rating counts against the same window.
        mvc.perform(post("/public/complaints/status/rating").with(csrf())
            .with(Addresses.from(guesser))
            .param("receipt", String.format("%020d", 22))
            .param("satisfaction", "SATISFIED")).andExpect(status().isTooManyRequests());
        // Another address is not affected.
        mvc.perform(post("/public/complaints/status").with(csrf())
            .with(Addresses.fromFresh())
            .param("receipt", String.format("%020d", 23))).andExpect(status().isNotFound());
    }

    @Test
    void guessingReceiptsThroughTheApiIsStoppedToo() throws Exception {
        String guesser = Addresses.fresh();
        int notFound = 0;
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            int code = mvc
                .perform(post("/api/v1/complaints/lookup").with(Addresses.from(guesser))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"receipt\": \"" + String.format("%020d", 100 + i) + "\"}"))
                .andReturn()
                .getResponse()
                .getStatus();
            notFound += code == 404 ? 1 : 0;
            limited += code == 429 ? 1 : 0;
        }
        assertThat(notFound).isEqualTo(20);
        assertThat(limited).isEqualTo(5);
        mvc.perform(post("/api/v1/complaints/lookup").with(Addresses.from(guesser))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"receipt\": \"99999999999999999999\"}"))
            .andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.message").value(containsString("分钟后再试")));
    }

    @Test
    void submissionsArelimitedPerAddress() throws Exception {
        String sender = Addresses.fresh();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/complaints").with(Addresses.from(sender))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\": \"OTHER\", \"bureau\": \"OTOGQ\", \"content\": \"限流测试 " + i + "\"}"))
                .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/complaints").with(Addresses.from(sender))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\": \"OTHER\", \"bureau\": \"OTOGQ\", \"content\": \"限流测试 6\"}"))
            .andExpect(status().isTooManyRequests());
    }

    @Test
    void theLimitHoldsPerAddressAcrossInstancesAndAWindowThatEndedStartsAfresh() {
        // Two application instances on one database: the counters are shared, so 20
        // look-ups in all.
        PublicRateLimit one = new PublicRateLimit(settings, secrets, clock, jdbc);
        PublicRateLimit other = new PublicRateLimit(settings, secrets, clock, jdbc);
        String address = Addresses.fresh();
        for (int i = 0; i < 10; i++) {
            one.check(PublicRateLimit.Kind.LOOKUP, address);
            other.check(PublicRateLimit.Kind.LOOKUP, address);
        }
        assertThatThrownBy(() -> other.check(PublicRateLimit.Kind.LOOKUP, address))
            .isInstanceOf(PublicRateLimit.RateLimited.class);
        assertThatThrownBy(() -> one.check(PublicRateLimit.Kind.LOOKUP, address))
            .isInstanceOf(PublicRateLimit.RateLimited.class);
        // Submissions are counted apart from look-ups.
        assertThatCode(() -> one.check(PublicRateLimit.Kind.SUBMISSION, address)).doesNotThrowAnyException();
        // Eleven minutes later the ten-minute window has ended.
        PublicRateLimit later = new PublicRateLimit(settings, secrets, Clock.offset(clock, Duration.ofMinutes(11)),
                jdbc);
        assertThatCode(() -> later.check(PublicRateLimit.Kind.LOOKUP, address)).doesNotThrowAnyException();
    }

    @Test
    void theCleanupForgetsEndedWindowsOnly() {
        PublicRateLimit earlier = new PublicRateLimit(settings, secrets, Clock.offset(clock, Duration.ofMinutes(-30)),
                jdbc);
        PublicRateLimit now = new PublicRateLimit(settings, secrets, clock, jdbc);
        earlier.check(PublicRateLimit.Kind.LOOKUP, Addresses.fresh());
        now.check(PublicRateLimit.Kind.LOOKUP, Addresses.fresh());
        long before = jdbc.sql("select count(*) from complaint_rate_limit").query(Long.class).single();
        now.forgetEndedWindows();
        assertThat(jdbc
            .sql("select count(*) from complaint_rate_limit where window_start <= now() - interval '10 minutes'")
            .query(Long.class)
            .single()).isZero();
        assertThat(jdbc.sql("select count(*) from complaint_rate_limit").query(Long.class).single()).isGreaterThan(0)
            .isLessThan(before);
    }

    @Test
    void aRaisedAddressIsCountedInMemoryOnlyAgainstItsRaisedLimit() {
        String gateway = Addresses.fresh();
        ComplaintSettings.RateLimit limits = settings.rateLimit();
        ComplaintSettings raised = new ComplaintSettings(settings.identityKey(),
                new ComplaintSettings.RateLimit(limits.submissions(), limits.lookups(), limits.window(),
                        Set.of(gateway), 30),
                settings.timeLimits(), settings.maxAttachments(), settings.maxAttachmentBytes(),
                settings.intakeUnitCode());
        PublicRateLimit limit = new PublicRateLimit(raised, secrets, clock, jdbc);
        long rows = jdbc.sql("select count(*) from complaint_rate_limit").query(Long.class).single();
        for (int i = 0; i < 30; i++) {
            limit.check(PublicRateLimit.Kind.SUBMISSION, gateway);
        }
        assertThatThrownBy(() -> limit.check(PublicRateLimit.Kind.SUBMISSION, gateway))
            .isInstanceOf(PublicRateLimit.RateLimited.class);
        // No database row for the gateway: nothing was counted there.
        assertThat(jdbc.sql("select count(*) from complaint_rate_limit").query(Long.class).single()).isEqualTo(rows);
        // Other addresses keep the ordinary limit, counted in the database.
        String other = Addresses.fresh();
        for (int i = 0; i < limits.submissions(); i++) {
            limit.check(PublicRateLimit.Kind.SUBMISSION, other);
        }
        assertThatThrownBy(() -> limit.check(PublicRateLimit.Kind.SUBMISSION, other))
            .isInstanceOf(PublicRateLimit.RateLimited.class);
        // Look-ups of the gateway are counted apart from its submissions.
        assertThatCode(() -> limit.check(PublicRateLimit.Kind.LOOKUP, gateway)).doesNotThrowAnyException();
    }

}

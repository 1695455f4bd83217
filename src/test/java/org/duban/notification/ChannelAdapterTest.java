package org.duban.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each adapter against a real local HTTP server: success, a 5xx to retry, a timeout, and
 * what goes on the wire.
 */
class ChannelAdapterTest {

    static ChannelAdapter.OutboxMessage message(OutboxChannel channel, String address, String payload,
            String signature) {
        return new ChannelAdapter.OutboxMessage(UUID.randomUUID(), channel, address, "T", null, payload, signature);
    }

    @Test
    void anSmsIsDeliveredOnAny2xxAndTheBodyIsPostedAsJson() throws Exception {
        try (LocalGateway gateway = new LocalGateway(202)) {
            SmsAdapter sms = new SmsAdapter(new HttpPost(Duration.ofSeconds(2)), true, gateway.url());
            String body = "{\"phone\":\"13800000000\",\"template\":\"T\",\"params\":{\"receipt\":\"1234\"}}";
            ChannelAdapter.Outcome outcome = sms.deliver(message(OutboxChannel.SMS, "13800000000", body, null));
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.httpStatus()).isEqualTo(202);
            assertThat(gateway.received.get(0).body()).isEqualTo(body);
            assertThat(gateway.received.get(0).headers().get("Content-type").get(0)).startsWith("application/json");
        }
    }

    @Test
    void aServerErrorIsAFailureWithItsStatus() throws Exception {
        try (LocalGateway gateway = new LocalGateway(503)) {
            SmsAdapter sms = new SmsAdapter(new HttpPost(Duration.ofSeconds(2)), true, gateway.url());
            ChannelAdapter.Outcome outcome = sms.deliver(message(OutboxChannel.SMS, "13800000000", "{}", null));
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.httpStatus()).isEqualTo(503);
        }
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeIsAFailureWithoutStatus() throws Exception {
        try (LocalGateway gateway = new LocalGateway(200)) {
            gateway.delayMillis = 3000;
            SmsAdapter sms = new SmsAdapter(new HttpPost(Duration.ofMillis(300)), true, gateway.url());
            long started = System.nanoTime();
            ChannelAdapter.Outcome outcome = sms.deliver(message(OutboxChannel.SMS, "13800000000", "{}", null));
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.httpStatus()).isNull();
            assertThat(outcome.detail()).contains("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void anUnknownGatewayIsAFailureNotAnException() {
        SmsAdapter sms = new SmsAdapter(new HttpPost(Duration.ofMillis(500)), true, "http://127.0.0.1:1/none");
        assertThat(sms.deliver(message(OutboxChannel.SMS, "13800000000", "{}", null)).delivered()).isFalse();
        assertThat(new SmsAdapter(new HttpPost(Duration.ofMillis(500)), true, "").enabled()).isFalse();
    }

    @Test
    void theWeComRobotCountsOnlyErrcodeZeroAsDelivered() throws Exception {
        try (LocalGateway robot = new LocalGateway(200)) {
            WeComAdapter wecom = new WeComAdapter(new HttpPost(Duration.ofSeconds(2)), robot.url());
            robot.answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
            assertThat(wecom.deliver(message(OutboxChannel.WECOM, robot.url(), "{\"msgtype\":\"text\"}", null))
                .delivered()).isTrue();
            robot.answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
            ChannelAdapter.Outcome refused = wecom.deliver(message(OutboxChannel.WECOM, robot.url(), "{}", null));
            assertThat(refused.delivered()).isFalse();
            assertThat(refused.detail()).contains("93000");
        }
    }

    @Test
    void aHotlineCallbackCarriesTheSignatureOfItsBody() throws Exception {
        try (LocalGateway hotline = new LocalGateway(500, 200)) {
            CallbackAdapter callback = new CallbackAdapter(new HttpPost(Duration.ofSeconds(2)));
            ChannelAdapter.OutboxMessage m = message(OutboxChannel.CALLBACK, hotline.url(), "{\"a\":1}", "abc123");
            assertThat(callback.deliver(m).delivered()).isFalse();
            assertThat(callback.deliver(m).delivered()).isTrue();
            assertThat(hotline.received.get(1).headers().get("X-duban-signature")).containsExactly("sha256=abc123");
        }
    }

}

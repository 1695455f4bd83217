package org.duban.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The 企业微信 group robot ({@code duban.wecom.webhook-url}): a text message per hand-over to
 * the bureau's group. The robot answers 200 with {@code {"errcode":0}} when it took the
 * message; any other errcode is a failure.
 */
@Component
class WeComAdapter implements ChannelAdapter {

    private final HttpPost http;

    private final String url;

    WeComAdapter(HttpPost http, @Value("${duban.wecom.webhook-url:}") String url) {
        this.http = http;
        this.url = url == null ? "" : url.strip();
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.WECOM;
    }

    @Override
    public boolean enabled() {
        return !url.isEmpty();
    }

    String url() {
        return url;
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        HttpPost.Answer answer = http.json(message.address(), message.payload(), Map.of());
        if (answer.success() && answer.body() != null && answer.body().replace(" ", "").contains("\"errcode\":")
                && !answer.body().replace(" ", "").contains("\"errcode\":0")) {
            return Outcome.failed(answer.status(), "robot refused: " + answer.body());
        }
        return HttpPost.outcome(answer);
    }

}

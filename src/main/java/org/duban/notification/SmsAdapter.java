package org.duban.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * SMS through the bureau's gateway ({@code duban.sms.enabled}, {@code duban.sms.url}):
 * the outbox row holds the body {@code {"phone": "...", "template": "...", "params":
 * {...}}}, posted as it is; any 2xx is delivered. The template names the text the
 * provider or the government SMS platform has approved; Duban sends only its parameters.
 */
@Component
class SmsAdapter implements ChannelAdapter {

    private final HttpPost http;

    private final boolean enabled;

    private final String url;

    SmsAdapter(HttpPost http, @Value("${duban.sms.enabled:false}") boolean enabled,
            @Value("${duban.sms.url:}") String url) {
        this.http = http;
        this.enabled = enabled && url != null && !url.isBlank();
        this.url = url;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.SMS;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        return HttpPost.outcome(http.json(url, message.payload(), Map.of()));
    }

}

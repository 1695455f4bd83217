package org.duban.notification;

import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A hotline system's callback: the answer posted to the client's URL with
 * {@code X-Duban-Signature:
 * sha256=<hex HMAC-SHA256 of the body with the client's secret>}, so the hotline can tell
 * it came from Duban.
 */
@Component
class CallbackAdapter implements ChannelAdapter {

    static final String SIGNATURE_HEADER = "X-Duban-Signature";

    private final HttpPost http;

    CallbackAdapter(HttpPost http) {
        this.http = http;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.CALLBACK;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        return HttpPost.outcome(http.json(message.address(), message.payload(),
                message.signature() == null ? Map.of() : Map.of(SIGNATURE_HEADER, "sha256=" + message.signature())));
    }

}

package org.duban.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a JSON body to a gateway with a connect and a response timeout
 * ({@code duban.notification.http-timeout}, default 5 s): any 2xx is delivered; anything
 * else, a timeout or a broken connection is a failure to retry.
 */
@Component
class HttpPost {

    private final HttpClient client;

    private final Duration timeout;

    HttpPost(@Value("${duban.notification.http-timeout:5s}") Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1 outright: gateways on plain http do not speak HTTP/2, and the client
        // would otherwise offer an upgrade on every new connection.
        this.client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** The status and body of the answer, or a failure without status. */
    record Answer(Integer status, String body, String error) {
        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    Answer json(String url, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), null);
        }
        catch (HttpTimeoutException e) {
            return new Answer(null, null, "timeout after " + timeout.toMillis() + " ms");
        }
        catch (IOException | IllegalArgumentException e) {
            return new Answer(null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, "interrupted");
        }
    }

    static ChannelAdapter.Outcome outcome(Answer answer) {
        if (answer.success()) {
            return ChannelAdapter.Outcome.ok(answer.status());
        }
        return ChannelAdapter.Outcome.failed(answer.status(),
                answer.error() != null ? answer.error() : "HTTP " + answer.status());
    }

}

package org.duban.complaint;

import org.duban.support.ChildApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Nothing acknowledged is lost if the process dies": the application runs in a JVM of
 * its own on a data directory; a complaint is submitted through the API, and the moment
 * the 201 arrives the JVM and its embedded PostgreSQL (the server and every backend) are
 * killed with SIGKILL, as if the machine had lost power. A new JVM on the same data
 * directory finds the complaint by its receipt, and a retry with the same key gets the
 * same receipt.
 */
class AcknowledgedComplaintSurvivesKillTest {

    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9-]+)\"");

    @TempDir
    Path dir;

    private ChildApplication application;

    @AfterEach
    void stopEverything() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aComplaintAcknowledgedWith201SurvivesKillMinus9OfTheApplicationAndItsDatabase() throws Exception {
        application = new ChildApplication(dir);
        Process first = application.start("first.log");
        String key = UUID.randomUUID().toString();
        String body = "{\"type\": \"RIGID\", \"content\": \"kill -9 test: fined twice for one stop\", \"anonymous\": true, \"bureau\": \"OTOGQ\"}";

        HttpResponse<String> created = submit(key, body);
        // The answer is in: kill everything at once, without any chance to flush or shut
        // down.
        application.killWithItsDatabase(first);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher receipt = RECEIPT.matcher(created.body());
        assertThat(receipt.find()).isTrue();

        application.start("second.log");
        HttpResponse<String> found = application.http()
            .send(HttpRequest.newBuilder(URI.create(application.base() + "/api/v1/complaints/lookup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"receipt\": \"" + receipt.group(1) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("\"status\":\"SUBMITTED\"");

        // The hotline system did not see the answer and retries: the same receipt, and
        // still one complaint.
        HttpResponse<String> retried = submit(key, body);
        assertThat(retried.statusCode()).isEqualTo(201);
        Matcher again = RECEIPT.matcher(retried.body());
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).isEqualTo(receipt.group(1));
    }

    private HttpResponse<String> submit(String key, String body) throws Exception {
        return application.http()
            .send(HttpRequest.newBuilder(URI.create(application.base() + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

}

package org.duban.complaint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

    private final List<Process> started = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopEverything() throws Exception {
        for (Process app : started) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        postmaster().ifPresent(ProcessHandle::destroy);
    }

    @Test
    void aComplaintAcknowledgedWith201SurvivesKillMinus9OfTheApplicationAndItsDatabase() throws Exception {
        int port = freePort();
        Process first = startApplication(port, "first.log");
        String key = UUID.randomUUID().toString();
        String body = "{\"type\": \"RIGID\", \"content\": \"kill -9 test: fined twice for one stop\", \"anonymous\": true, \"bureau\": \"OTOGQ\"}";

        HttpResponse<String> created = submit(port, key, body);
        // The answer is in: kill everything at once, without any chance to flush or shut
        // down.
        ProcessHandle server = postmaster().orElseThrow();
        List<ProcessHandle> backends = server.descendants().toList();
        first.destroyForcibly();
        server.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher receipt = RECEIPT.matcher(created.body());
        assertThat(receipt.find()).isTrue();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        for (ProcessHandle backend : backends) {
            backend.onExit().get(30, TimeUnit.SECONDS);
        }

        startApplication(port, "second.log");
        HttpResponse<String> found = http
            .send(HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/complaints/lookup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"receipt\": \"" + receipt.group(1) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("\"status\":\"SUBMITTED\"");

        // The hotline system did not see the answer and retries: the same receipt, and
        // still one complaint.
        HttpResponse<String> retried = submit(port, key, body);
        assertThat(retried.statusCode()).isEqualTo(201);
        Matcher again = RECEIPT.matcher(retried.body());
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).isEqualTo(receipt.group(1));
    }

    private HttpResponse<String> submit(int port, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/complaints"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The application, as {@code java -jar} would run it, on this test's data directory;
     * returns once it is up.
     */
    private Process startApplication(int port, String logName) throws Exception {
        Path log = dir.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.duban.DubanApplication",
                "--server.port=" + port, "--duban.database.data-dir=" + dir.resolve("pg"),
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                // The test acts on demonstration rows as soon as health is UP: load them
                // before, not after.
                "--duban.demo-data-in-background=false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        // Always its own embedded database, even when the suite runs against an external
        // one.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
        Process app = builder.start();
        started.add(app);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application stopped:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http
                    .send(HttpRequest.newBuilder(URI.create(base(port) + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return app;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start within 5 minutes:\n" + Files.readString(log));
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dir.resolve("pg").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}

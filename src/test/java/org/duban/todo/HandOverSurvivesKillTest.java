package org.duban.todo;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-over survives a crash between its commit and its notice. The application runs in
 * a JVM of its own on a data directory; the test holds a lock on the inbox table, so the
 * notice of a new public complaint cannot be written though the complaint and its event
 * publication are committed; then the JVM and its PostgreSQL are killed with SIGKILL. A
 * new JVM on the same data directory delivers the notice from the event publication
 * registry: exactly one message per recipient, and the publication is marked completed,
 * so nothing is sent again.
 */
class HandOverSurvivesKillTest {

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
    void aNoticeInterruptedByKillMinus9IsDeliveredOnceAfterTheRestart() throws Exception {
        int port = freePort();
        Process first = startApplication(port, "first.log");
        String content = "kill test " + System.nanoTime();
        try (Connection blocker = database()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table notification in access exclusive mode");
            }
            http.sendAsync(HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"RIGID\", \"content\": \"" + content
                        + "\", \"anonymous\": true, \"bureau\": \"OTOGQ\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
            try (Connection look = database()) {
                eventually(() -> count(look, """
                        select count(*) from event_publication
                        where event_type like '%ComplaintTransitioned' and completion_date is null
                          and listener_id like '%HandOverNotices%'""") == 1);
                assertThat(count(look, "select count(*) from complaint where content = '" + content + "'")).isOne();
            }
            // Committed, not yet delivered: pull the plug on the application and its
            // database.
            ProcessHandle server = postmaster().orElseThrow();
            List<ProcessHandle> backends = server.descendants().toList();
            first.destroyForcibly();
            server.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            first.waitFor(30, TimeUnit.SECONDS);
            server.onExit().get(30, TimeUnit.SECONDS);
            for (ProcessHandle backend : backends) {
                backend.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        catch (java.sql.SQLException expected) {
            // the blocking connection died with its server
        }

        startApplication(port, "second.log");
        try (Connection look = database()) {
            String notices = """
                    select count(*) from notification n join staff s on s.id = n.recipient_id
                    where s.login = 'workteam' and n.dedup_key like 'event:%' and n.link = (
                        select '/complaints/' || id from complaint where content = '""" + content + "')";
            eventually(() -> count(look, notices) == 1);
            eventually(() -> count(look, """
                    select count(*) from event_publication
                    where event_type like '%ComplaintTransitioned' and completion_date is null""") == 0);
            Thread.sleep(2000);
            assertThat(count(look, notices)).as("exactly once").isOne();
        }
    }

    private Connection database() throws Exception {
        List<String> pid = Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres",
                "");
    }

    private static int count(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 60 s");
            }
            Thread.sleep(200);
        }
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

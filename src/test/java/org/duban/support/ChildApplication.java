package org.duban.support;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The application in a JVM of its own, as {@code java -jar} would run it, on a data
 * directory of the test's (its own embedded PostgreSQL, even when the suite runs against
 * an external one), for tests that kill it with SIGKILL and start it again on the same
 * data. Close it after the test: it stops what it started.
 */
public final class ChildApplication implements AutoCloseable {

    private final Path dir;

    private final int port;

    private final List<Process> started = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ChildApplication(Path dir) throws IOException {
        this.dir = dir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** {@code http://127.0.0.1:<port>}, the same port for every start. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public HttpClient http() {
        return http;
    }

    /**
     * Starts the application, its output in {@code logName} under the data directory;
     * returns once its health is UP.
     */
    public Process start(String logName) throws IOException, InterruptedException {
        Path log = dir.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.duban.DubanApplication",
                "--server.port=" + port, "--duban.database.data-dir=" + dir.resolve("pg"),
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                // Tests act on demonstration rows as soon as health is UP: load them
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
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
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

    /**
     * Pulls the plug: SIGKILL to the application, its PostgreSQL server and every backend
     * at once, without any chance to flush or shut down; returns when all are gone.
     */
    public void killWithItsDatabase(Process app)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        ProcessHandle server = postmaster().orElseThrow();
        List<ProcessHandle> backends = server.descendants().toList();
        app.destroyForcibly();
        server.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application outlived SIGKILL by 30 s");
        }
        server.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle backend : backends) {
            backend.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** A connection to the running application's embedded database. */
    public Connection database() throws Exception {
        List<String> pid = Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres",
                "");
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

    @Override
    public void close() throws Exception {
        for (Process app : started) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        postmaster().ifPresent(ProcessHandle::destroy);
    }

}

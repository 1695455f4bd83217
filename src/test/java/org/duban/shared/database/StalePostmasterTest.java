package org.duban.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After {@code kill -9} of the JVM, its embedded PostgreSQL keeps running on the data
 * directory. The next start must stop that orphan and then start on the same data,
 * keeping it.
 */
class StalePostmasterTest {

    @TempDir
    Path dir;

    /** Whatever happened in the test, leave no server running. */
    @org.junit.jupiter.api.AfterEach
    void stopLeftovers() throws Exception {
        StalePostmaster.stopIfRunning(dir.resolve("pg"));
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndTheDataSurvives() throws Exception {
        Path data = dir.resolve("pg");
        // A second JVM starts the embedded server, writes a row and is then killed with
        // SIGKILL (kill -9).
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OrphanMaker.class.getName(), data.toString())
            .redirectErrorStream(true)
            .start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals(OrphanMaker.READY)) {
            // zonky's start-up output
        }
        assertThat(line).isEqualTo(OrphanMaker.READY);
        jvm.destroyForcibly().waitFor();
        assertThat(java.nio.file.Files.exists(data.resolve("postmaster.pid"))).as("the orphan still runs").isTrue();

        StalePostmaster.stopIfRunning(data);

        try (EmbeddedPostgres next = EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start(); Connection c = next.getPostgresDatabase().getConnection()) {
            var rs = c.createStatement().executeQuery("select v from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    /** Runs in the JVM that gets killed. */
    public static final class OrphanMaker {

        static final String READY = "orphan-ready";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create table kept (v int); insert into kept values (42)");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(600_000);
        }

    }

}

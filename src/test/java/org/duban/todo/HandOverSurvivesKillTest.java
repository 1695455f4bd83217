package org.duban.todo;

import org.duban.support.ChildApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

    private ChildApplication application;

    @AfterEach
    void stopEverything() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aNoticeInterruptedByKillMinus9IsDeliveredOnceAfterTheRestart() throws Exception {
        application = new ChildApplication(dir);
        Process first = application.start("first.log");
        String content = "kill test " + System.nanoTime();
        try (Connection blocker = application.database()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table notification in access exclusive mode");
            }
            application.http()
                .sendAsync(HttpRequest.newBuilder(URI.create(application.base() + "/api/v1/complaints"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"RIGID\", \"content\": \"" + content
                            + "\", \"anonymous\": true, \"bureau\": \"OTOGQ\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            try (Connection look = application.database()) {
                eventually(() -> count(look, """
                        select count(*) from event_publication
                        where event_type like '%ComplaintTransitioned' and completion_date is null
                          and listener_id like '%HandOverNotices%'""") == 1);
                assertThat(count(look, "select count(*) from complaint where content = '" + content + "'")).isOne();
            }
            // Committed, not yet delivered: pull the plug on the application and its
            // database.
            application.killWithItsDatabase(first);
        }
        catch (java.sql.SQLException expected) {
            // the blocking connection died with its server
        }

        application.start("second.log");
        try (Connection look = application.database()) {
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

}

package org.duban.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the embedded PostgreSQL (initdb on a fresh folder) on a thread of its own as
 * soon as the environment is known, so that it starts while Spring builds the context
 * instead of before the first bean that needs it (issue 16: one to several seconds of the
 * start-up). The data source's bean then takes the running server ({@link #take});
 * started with other settings than the bean asks for, it is stopped and the bean starts
 * its own. Registered by {@code DubanApplication.main} only: tests start their database
 * as before.
 */
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseEarlyStart.class);

    private static final AtomicReference<Early> EARLY = new AtomicReference<>();

    private record Early(String dataDir, String synchronousCommit, CompletableFuture<EmbeddedPostgres> server) {
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            Environment env = prepared.getEnvironment();
            String url = env.getProperty("spring.datasource.url");
            if (url != null && !url.isBlank()) {
                return;
            }
            String dataDir = env.getProperty("duban.database.data-dir", "");
            String synchronousCommit = env.getProperty("duban.database.synchronous-commit", "");
            String templateDir = env.getProperty("duban.database.template-dir", "");
            CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    server.complete(EmbeddedDatabaseConfiguration.start(dataDir, synchronousCommit, templateDir));
                }
                catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
            stop(EARLY.getAndSet(new Early(dataDir, synchronousCommit, server)));
        }
        else if (event instanceof ApplicationFailedEvent) {
            stop(EARLY.getAndSet(null));
        }
    }

    /**
     * The server started early with these settings, once it is up; null if none was
     * started (or with others).
     */
    static EmbeddedPostgres take(String dataDir, String synchronousCommit) throws IOException {
        Early early = EARLY.getAndSet(null);
        if (early == null) {
            return null;
        }
        if (!early.dataDir().equals(dataDir) || !early.synchronousCommit().equals(synchronousCommit)) {
            stop(early);
            return null;
        }
        try {
            return early.server().join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static void stop(Early early) {
        if (early == null) {
            return;
        }
        try {
            early.server().join().close();
        }
        catch (CompletionException | IOException e) {
            log.warn("Embedded PostgreSQL started early could not be stopped: {}", e.getMessage());
        }
    }

}

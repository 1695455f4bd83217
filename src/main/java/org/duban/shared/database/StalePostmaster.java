package org.duban.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * When the JVM was killed with {@code kill -9}, the embedded PostgreSQL it started keeps
 * running and holds the data directory, so the next start would fail. We stop that orphan
 * first: SIGTERM is PostgreSQL's "smart" shutdown, which completes at once because the
 * dead JVM's connections are gone.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        }
        catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            // A pid file without a live server: PostgreSQL itself recovers from it on
            // start.
            return;
        }
        log.warn("Stopping an embedded PostgreSQL left running by a previous process (pid {})", pid);
        ProcessHandle handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            handle.destroyForcibly();
        }
    }

}

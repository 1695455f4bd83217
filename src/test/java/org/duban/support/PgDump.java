package org.duban.support;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's pg_dump (Debian's postgresql-client) against the application's
 * database.
 */
public final class PgDump {

    private PgDump() {
    }

    public static boolean available() {
        return new File("/usr/bin/pg_dump").canExecute();
    }

    /** The whole database as a plain SQL script, as a backup would hold it. */
    public static String plainText(DataSource dataSource) throws Exception {
        URI uri = URI.create(((HikariDataSource) dataSource).getJdbcUrl().substring("jdbc:".length()));
        Process process = new ProcessBuilder("pg_dump", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U",
                "postgres", "--data-only", uri.getPath().substring(1))
            .redirectErrorStream(true)
            .start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + dump);
        }
        return dump;
    }

}

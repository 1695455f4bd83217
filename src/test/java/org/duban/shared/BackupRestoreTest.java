package org.duban.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's backup and restore procedure, run for real: pg_dump of Duban's database,
 * pg_restore into a new database, and the restored copy holds the same rows and an intact
 * audit chain.
 */
@DubanTest
class BackupRestoreTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDumpRestoresIntoAnEmptyDatabaseWithTheSameData() throws Exception {
        assumeTrue(org.duban.support.PgDump.available(), "pg_dump is installed (postgresql-client)");
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        URI uri = URI.create(url.substring("jdbc:".length()));
        String host = uri.getHost();
        String port = String.valueOf(uri.getPort());
        String database = uri.getPath().substring(1);
        String copy = "duban_restore_" + System.nanoTime();
        Path dump = Files.createTempFile("duban", ".dump");
        try {
            run("pg_dump", "-h", host, "-p", port, "-U", "postgres", "-Fc", "-f", dump.toString(), database);
            jdbc.sql("create database " + copy).update();
            run("pg_restore", "-h", host, "-p", port, "-U", "postgres", "-d", copy, "--no-owner", dump.toString());
            String copyUrl = url.replace("/" + database, "/" + copy);
            try (HikariDataSource restored = new HikariDataSource()) {
                restored.setJdbcUrl(copyUrl);
                restored.setUsername("postgres");
                JdbcClient restoredJdbc = JdbcClient.create(restored);
                for (String table : List.of("org_unit", "staff", "campaign", "campaign_phase", "group_member",
                        "audit_log")) {
                    String count = "select count(*) from " + table;
                    assertThat(restoredJdbc.sql(count).query(Long.class).single()).as(table)
                        .isEqualTo(jdbc.sql(count).query(Long.class).single());
                }
                assertThat(restoredJdbc.sql("select max(hash) from audit_log").query(String.class).single())
                    .isEqualTo(jdbc.sql("select max(hash) from audit_log").query(String.class).single());
            }
        }
        finally {
            jdbc.sql("drop database if exists " + copy + " with (force)").update();
            Files.deleteIfExists(dump);
        }
    }

    private static void run(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

}

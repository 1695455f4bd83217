package org.duban.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL inside the JVM, used whenever no external database is configured
 * ({@code spring.datasource.url} unset). Data lives under {@code duban.database.data-dir}
 * and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${duban.database.data-dir:}") String dataDir,
            @Value("${duban.database.synchronous-commit:}") String synchronousCommit,
            @Value("${duban.database.template-dir:}") String templateDir) throws IOException {
        // Started already, while the context was being built, when the application was
        // launched from main().
        EmbeddedPostgres early = EmbeddedDatabaseEarlyStart.take(dataDir, synchronousCommit);
        return early != null ? early : start(dataDir, synchronousCommit, templateDir);
    }

    static EmbeddedPostgres start(String dataDir, String synchronousCommit, String templateDir) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // zonky turns synchronous_commit off (fast tests): a commit would then be
        // answered before its WAL is on disk,
        // and a crash could lose what the application had acknowledged. Kept data gets
        // the PostgreSQL default.
        builder.setServerConfig("synchronous_commit",
                !synchronousCommit.isBlank() ? synchronousCommit : dataDir.isBlank() ? "off" : "on");
        if (dataDir.isBlank()) {
            // Tests: a fresh throw-away cluster per application context.
            builder.setCleanDataDirectory(true);
        }
        else {
            Path dir = Path.of(dataDir).toAbsolutePath().normalize();
            Files.createDirectories(dir.getParent());
            StalePostmaster.stopIfRunning(dir);
            DataDirectoryTemplate.copyIfFresh(DataDirectoryTemplate.locate(templateDir), dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        // Spring stops the server after every bean that uses it (it is a dependency of
        // the DataSource); zonky's
        // own JVM shutdown hook would stop it concurrently, under the feet of beans still
        // shutting down.
        return builder.setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "100")
            // Screening works on a million cases (740 MB of table and indexes): with 1 GB
            // of buffers the rules read
            // it from shared memory rather than through the kernel each time. Buffers are
            // touched only as used.
            .setServerConfig("shared_buffers", "1GB")
            // The screening import stages a whole file in a temporary table; the default
            // 8 MB of buffers for
            // temporary tables made PostgreSQL write it out and read it back several
            // times.
            .setServerConfig("temp_buffers", "256MB")
            // Nothing streams or archives the embedded server's WAL (backups are pg_dump,
            // README "Backup"), so it
            // logs only what crash recovery needs. Then a table loaded in the transaction
            // that truncated it (the
            // screening import's first load) is written once and synced at commit instead
            // of also going through
            // the WAL: PostgreSQL's own advice for bulk loads ("Populating a Database").
            .setServerConfig("wal_level", "minimal")
            .setServerConfig("max_wal_senders", "0")
            .setServerConfig("timezone", "UTC")
            .start();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${duban.database.pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("duban-embedded");
        return ds;
    }

    static class NoExternalDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }

    }

}

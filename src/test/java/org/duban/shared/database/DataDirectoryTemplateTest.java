package org.duban.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh data folder starts as a copy of the build's migrated database template; a
 * folder with anything in it is never touched, and a template that is no stopped
 * PostgreSQL data directory is not used.
 */
class DataDirectoryTemplateTest {

    @TempDir
    Path dir;

    @Test
    void aFreshFolderStartsFromTheTemplateAndTheServerFindsItsData() throws Exception {
        Path template = dir.resolve("template");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
            .setDataDirectory(template)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start(); Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table migrated (v int); insert into migrated values (48)");
        }
        Path data = dir.resolve("data").resolve("pg");
        Files.createDirectories(data.getParent());

        assertThat(DataDirectoryTemplate.copyIfFresh(DataDirectoryTemplate.locate(template.toString()), data)).isTrue();

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start(); Connection c = pg.getPostgresDatabase().getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select v from migrated");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(48);
        }
        assertThat(data.resolveSibling("pg.copying")).doesNotExist();
        assertThat(template.resolve("postmaster.pid")).as("the template itself is left as it was").doesNotExist();
    }

    @Test
    void anEmptyFolderCountsAsFresh() throws Exception {
        Path template = fakeTemplate();
        Path data = Files.createDirectories(dir.resolve("empty"));

        assertThat(DataDirectoryTemplate.copyIfFresh(Optional.of(template), data)).isTrue();
        assertThat(data.resolve("PG_VERSION")).hasContent("15");
        assertThat(data.resolve("base").resolve("1").resolve("112")).hasContent("page");
    }

    @Test
    void aFolderWithAnythingInItIsNeverTouched() throws Exception {
        Path template = fakeTemplate();
        Path data = Files.createDirectories(dir.resolve("kept"));
        Files.writeString(data.resolve("PG_VERSION"), "15");
        Files.writeString(data.resolve("mine"), "data");

        assertThat(DataDirectoryTemplate.copyIfFresh(Optional.of(template), data)).isFalse();
        assertThat(data.resolve("base")).doesNotExist();
        assertThat(data.resolve("mine")).hasContent("data");
    }

    @Test
    void noTemplateOrOneThatIsNoStoppedDatabaseIsNotUsed() throws Exception {
        assertThat(DataDirectoryTemplate.locate(dir.resolve("missing").toString())).isEmpty();

        Path notADatabase = Files.createDirectories(dir.resolve("not-a-database"));
        Files.writeString(notADatabase.resolve("readme"), "x");
        assertThat(DataDirectoryTemplate.locate(notADatabase.toString())).isEmpty();

        Path running = fakeTemplate();
        Files.writeString(running.resolve("postmaster.pid"), "12345");
        assertThat(DataDirectoryTemplate.locate(running.toString())).isEmpty();

        assertThat(DataDirectoryTemplate.copyIfFresh(Optional.empty(), dir.resolve("data"))).isFalse();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void testsAndSpringBootRunFindNoTemplateBesideAJar() {
        // The classes come from target/classes here, not from the extracted application
        // jar beside which the build leaves the template.
        assertThat(DataDirectoryTemplate.locate("")).isEmpty();
    }

    private Path fakeTemplate() throws Exception {
        Path template = dir.resolve("fake-template");
        Files.createDirectories(template.resolve("base").resolve("1"));
        Files.writeString(template.resolve("PG_VERSION"), "15");
        Files.writeString(template.resolve("base").resolve("1").resolve("112"), "page");
        return template;
    }

}

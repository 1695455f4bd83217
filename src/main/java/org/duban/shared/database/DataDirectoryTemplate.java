package org.duban.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fresh data folder starts as a copy of a migrated, cleanly stopped database made by
 * the build ({@code ./mvnw -Pcds package} leaves it at {@code target/app/pg-template},
 * the training run's database) instead of initdb and every migration: on two cores these
 * were about a third of a first start (issue 16,
 * docs/adr/0213-start-up-template-and-aot-cache.md). Flyway then applies what the
 * template lacks, as on any older database, so an old template is never wrong, only less
 * of a shortcut.
 *
 * <p>
 * A folder that holds anything is never touched; a template that is not a stopped
 * PostgreSQL data directory (no {@code PG_VERSION}, or a {@code postmaster.pid} of a
 * running or crashed server) is ignored and initdb runs as before.
 */
final class DataDirectoryTemplate {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryTemplate.class);

    /** The folder's name beside the application jar where the build leaves it. */
    static final String BESIDE_THE_JAR = "pg-template";

    private DataDirectoryTemplate() {
    }

    /**
     * The template named by {@code duban.database.template-dir}, else the one beside the
     * extracted application jar, if it is one.
     */
    static Optional<Path> locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            return usable(Path.of(configured));
        }
        return besideTheJar().flatMap(DataDirectoryTemplate::usable);
    }

    /**
     * Copies the template into {@code dataDir} when that folder is missing or empty;
     * tells whether it did.
     */
    static boolean copyIfFresh(Optional<Path> template, Path dataDir) throws IOException {
        if (template.isEmpty() || !fresh(dataDir)) {
            return false;
        }
        long started = System.nanoTime();
        Path source = template.get().toAbsolutePath().normalize();
        // Into a sibling first, then one rename: a start interrupted in the middle of the
        // copy leaves no half data folder that the next start would take for a database.
        Path partial = dataDir.resolveSibling(dataDir.getFileName() + ".copying");
        FileSystemUtils.deleteRecursively(partial);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.copy(dir, partial.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, partial.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        if (Files.exists(dataDir)) {
            Files.delete(dataDir); // empty, as fresh() found it
        }
        Files.move(partial, dataDir, StandardCopyOption.ATOMIC_MOVE);
        log.info("New data folder {} made from the database template {} in {} ms", dataDir, source,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static boolean fresh(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return true;
        }
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Optional<Path> usable(Path template) {
        if (!Files.isRegularFile(template.resolve("PG_VERSION"))) {
            return Optional.empty();
        }
        if (Files.exists(template.resolve("postmaster.pid"))) {
            log.warn("Database template {} ignored: it was not cleanly stopped", template);
            return Optional.empty();
        }
        return Optional.of(template);
    }

    private static Optional<Path> besideTheJar() {
        CodeSource source = DataDirectoryTemplate.class.getProtectionDomain().getCodeSource();
        if (source == null || !"file".equals(source.getLocation().getProtocol())) {
            return Optional.empty(); // inside the executable jar, or no location
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty(); // target/classes: tests and spring-boot:run
            }
            return Optional.of(location.resolveSibling(BESIDE_THE_JAR));
        }
        catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}

package org.duban.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Anchors of the audit chain outside the database: one line per day,
 * {@code <day> <chain position> <mac>}, appended to {@code duban.audit.anchor-file}
 * (never rewritten; put it on storage the database's administrators cannot write, or ship
 * it elsewhere). A tail deleted from the table, or a chain rewritten after the day's
 * anchor, no longer matches the anchored head. A blank setting turns anchoring off (tests
 * on a throw-away database).
 */
@Component
public class AuditAnchors {

    /** A day's head of the chain. */
    public record Anchor(LocalDate day, long position, String mac) {

        String line() {
            return day + " " + position + " " + mac;
        }

        static Optional<Anchor> parse(String line) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Anchor(LocalDate.parse(parts[0]), Long.parseLong(parts[1]), parts[2]));
            }
            catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private final Path file;

    AuditAnchors(@Value("${duban.audit.anchor-file:}") String file) {
        this.file = file == null || file.isBlank() ? null : Path.of(file);
    }

    static AuditAnchors none() {
        return new AuditAnchors("");
    }

    public boolean enabled() {
        return file != null;
    }

    /** The newest anchor, if anchoring is on and has happened. */
    public Optional<Anchor> last() {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<Anchor> anchor = Anchor.parse(lines.get(i));
                if (anchor.isPresent()) {
                    return anchor;
                }
            }
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(Anchor anchor) {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, anchor.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

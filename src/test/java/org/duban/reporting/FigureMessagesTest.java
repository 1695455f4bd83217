package org.duban.reporting;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message keys the dashboard builds at run time, which MessagesTest cannot see in the
 * templates: a label for every figure ({@code figure.<key>}), a header for every list
 * column ({@code dashboard.list.<name>}), and labels under every code column's prefix, in
 * both languages.
 */
class FigureMessagesTest {

    @Test
    void everyFigureAndListColumnHasItsMessagesInBothLanguages() throws IOException {
        for (String suffix : List.of("", "_en")) {
            Set<String> keys = keys(suffix);
            Stream.concat(ReportFigures.HEADLINE.keySet().stream(), ReportFigures.BREAKDOWN_ITEMS.keySet().stream())
                .forEach(key -> assertThat(keys).as(suffix).contains("figure." + key));
            assertThat(keys).contains("figure.complaintUnit", "dashboard.breakdown." + ReportFigures.COMPLAINT_UNIT);
            for (FigureSource source : FigureSource.values()) {
                for (FigureSource.Column column : source.columns) {
                    assertThat(keys).as(suffix + " " + source).contains("dashboard.list." + column.name());
                    if (column.prefix() != null) {
                        assertThat(keys).as(suffix + " " + source + " " + column.name())
                            .anyMatch(k -> k.startsWith(column.prefix()));
                    }
                }
            }
        }
    }

    private static Set<String> keys(String suffix) throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]+" + suffix + "\\.properties"))
                .toList()) {
                Properties p = new Properties();
                try (var in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                keys.addAll(p.stringPropertyNames());
            }
        }
        return keys;
    }

}

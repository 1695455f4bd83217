package org.duban;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run's {@code screen} part
 * (docs/adr/0216-training-covers-the-screen-command.md) screens generated cases twice in
 * a folder of its own and leaves nothing behind; without the property it does nothing.
 */
class ScreenTrainingTest {

    private static List<Path> trainingFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("duban-screen-training")).toList();
        }
    }

    @Test
    void screensGeneratedCasesTwiceAndRemovesItsFolder() throws Exception {
        List<Path> before = trainingFolders();
        System.setProperty("duban.training.screen-cases", "600");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ScreenTraining.runIfAsked();
        }
        finally {
            System.setOut(stdout);
            System.clearProperty("duban.training.screen-cases");
        }
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(printed).as("into the empty table, then the re-import")
            .containsPattern("cases.csv: (\\d+) rows, \\1 new, 0 updated, 0 unchanged")
            .containsPattern("cases.csv: (\\d+) rows, 0 new, 0 updated, \\1 unchanged");
        assertThat(trainingFolders()).isEqualTo(before);
        assertThat(System.getProperty("duban.database.data-dir")).isNull();
    }

    @Test
    void withoutThePropertyNothingRuns() throws Exception {
        List<Path> before = trainingFolders();
        ScreenTraining.runIfAsked();
        assertThat(trainingFolders()).isEqualTo(before);
    }

}

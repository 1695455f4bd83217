package org.duban;

import org.duban.screening.CaseGenerator;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code screen} command's part of the build's training run
 * ({@code -Dduban.training.screen-cases=N},
 * docs/adr/0216-training-covers-the-screen-command.md): after the web application was
 * ready and stopped, the same JVM screens N generated cases twice in a folder of its own
 * — into the empty table, then again as the re-import that {@code screen} on an existing
 * folder usually is — so that the start-up archive also holds the command's classes and,
 * on Java 25, the profiles of its reading, hashing and copying code, which the web
 * start-up never runs. The build's database template is not touched: the command's data
 * folder is a copy of it, removed after.
 */
final class ScreenTraining {

    private ScreenTraining() {
    }

    static void runIfAsked() {
        int cases = Integer.getInteger("duban.training.screen-cases", 0);
        if (cases <= 0) {
            return;
        }
        Path dir = null;
        String dataDir = System.getProperty("duban.database.data-dir");
        try {
            dir = Files.createTempDirectory("duban-screen-training");
            Path benchmark = dir.resolve("benchmark.csv");
            try (InputStream in = ScreenTraining.class.getResourceAsStream("/screening/benchmark.csv")) {
                Files.copy(in, benchmark);
            }
            Path file = dir.resolve("cases.csv");
            CaseGenerator.main(new String[] { Integer.toString(cases), file.toString(), "7", "2024" });
            System.setProperty("duban.database.data-dir", dir.resolve("data").toString());
            for (int run = 0; run < 2; run++) {
                int code = DubanApplication.runCommand("screen", List.of("--benchmark", benchmark.toString(), "--cases",
                        file.toString(), "--out", dir.resolve("findings.csv").toString()));
                if (code != 0) {
                    System.err.println("screen training: exit code " + code);
                    return;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // The archive is still made, only without the command's part.
            System.err.println("screen training: " + e);
        }
        finally {
            if (dataDir == null) {
                System.clearProperty("duban.database.data-dir");
            }
            else {
                System.setProperty("duban.database.data-dir", dataDir);
            }
            if (dir != null) {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                }
                catch (IOException e) {
                    System.err.println("screen training: could not remove " + dir);
                }
            }
        }
    }

}

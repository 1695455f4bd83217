package org.duban;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar duban.jar verify-draw …} as the command line runs it: a context
 * without a web server (which once failed to start) and exit code 0 on a match.
 * Mismatches and their exit codes: RandomDrawsTest.
 */
@Tag("db")
class VerifyDrawCommandLineTest {

    static final String SNAPSHOT = """
            role,subject_type,subject_id,unit_id,label,conflicts
            TARGET,STAFF,s-1,u-1,a,
            TARGET,STAFF,s-2,u-2,b,
            INSPECTOR,STAFF,i-1,u-1,c,
            INSPECTOR,STAFF,i-2,u-2,d,
            """;
    static final String SEED = "ff".repeat(32);

    @Test
    void theCommandRunsWithoutAWebServerAndExitsWithZeroOnAMatch() throws Exception {
        Path dir = Files.createTempDirectory("verify-draw-cli");
        Path snapshot = Files.writeString(dir.resolve("snapshot.csv"), SNAPSHOT);
        String hash = org.duban.inspection.DrawSnapshot.parse(SNAPSHOT).sha256();
        String previous = System.getProperty("duban.database.data-dir");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("duban.database.data-dir", "");
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int ok = DubanApplication.runCommand("verify-draw", List.of("--snapshot", snapshot.toString(), "--seed",
                    SEED, "--snapshot-hash", hash, "--count", "2", "--inspectors", "1"));
            assertThat(ok).isZero();
            // Each target's only eligible inspector is the one from the other unit.
            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("VERIFIED", ",s-1,a,i-2", ",s-2,b,i-1");
        }
        finally {
            System.setOut(out);
            if (previous == null) {
                System.clearProperty("duban.database.data-dir");
            }
            else {
                System.setProperty("duban.database.data-dir", previous);
            }
        }
    }

}

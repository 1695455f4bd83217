package org.duban;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The training run names the option that uses the archive it records, per JDK. */
class ExitWhenReadyTest {

    @Test
    void aClassDataSharingArchiveOnJava17IsUsedWithSharedArchiveFile() {
        assertThat(ExitWhenReady.launchOption(List.of("-Xlog:cds=error",
                "-XX:ArchiveClassesAtExit=/b/target/app/duban.jsa", "-Dduban.exit-when-ready=true")))
            .contains("-XX:SharedArchiveFile=/b/target/app/duban.jsa");
    }

    @Test
    void anAotCacheOnJava25IsUsedWithAotCache() {
        assertThat(ExitWhenReady.launchOption(List.of("-XX:AOTCacheOutput=/b/target/app/duban.aot")))
            .contains("-XX:AOTCache=/b/target/app/duban.aot");
    }

    @Test
    void aRunThatRecordsNothingNamesNothing() {
        assertThat(ExitWhenReady.launchOption(List.of("-Xmx1g", "-Dduban.exit-when-ready=true"))).isEmpty();
    }

    @Test
    void theFileNamesTheArchiveAndTheCollectorTheTrainingRanWith() {
        assertThat(ExitWhenReady.launchOptions("-XX:AOTCache=/b/target/app/duban.aot",
                List.of("-XX:AOTCacheOutput=/b/target/app/duban.aot", "-XX:+UseSerialGC", "-Xlog:cds=error")))
            .containsExactly("-XX:AOTCache=/b/target/app/duban.aot", "-XX:+UseSerialGC");
        assertThat(ExitWhenReady.launchOptions("-XX:SharedArchiveFile=/my app/duban.jsa", List.of()))
            .containsExactly("\"-XX:SharedArchiveFile=/my app/duban.jsa\"");
    }

}

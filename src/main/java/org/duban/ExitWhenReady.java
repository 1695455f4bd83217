package org.duban;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * With {@code -Dduban.exit-when-ready=true} the application stops as soon as it is ready,
 * closing its context (and so the embedded PostgreSQL): the training run of the build's
 * start-up archive ({@code ./mvnw -Pcds package}, docs/adr/0211-cds-archive.md and
 * docs/adr/0213-start-up-template-and-aot-cache.md). Spring's own
 * {@code -Dspring.context.exit=onRefresh} halts the JVM without closing the context,
 * which leaves the embedded server running, and it stops before the web server has
 * started, whose classes the archive should hold too.
 *
 * <p>
 * Before it stops it writes, beside the archive the JVM is recording, the option that
 * uses it ({@code duban.args}, for {@code java @target/app/duban.args -jar …}): a
 * class-data-sharing archive on Java 17–24, an AOT cache on Java 25 and later, so that
 * the one command in the README is right for the JDK that built it.
 */
final class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ExitWhenReady.class);

    static final String LAUNCH_OPTIONS_FILE = "duban.args";

    static void attachIfAsked(SpringApplication application) {
        if (Boolean.getBoolean("duban.exit-when-ready")) {
            application.addListeners(new ExitWhenReady());
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        launchOption(arguments).ifPresent(option -> {
            Path archive = Path.of(option.substring(option.indexOf('=') + 1));
            Path file = archive.resolveSibling(LAUNCH_OPTIONS_FILE);
            try {
                Files.write(file, launchOptions(option, arguments), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                log.warn("Could not write {}: {}", file, e.getMessage());
            }
        });
        int code = SpringApplication.exit(event.getApplicationContext());
        ScreenTraining.runIfAsked();
        System.exit(code);
    }

    /**
     * The lines of the launch options file: the archive's option, then the collector the
     * training ran with (an AOT cache is made for one; the build trains with the serial
     * collector, ADR 0213). An argument file takes a quoted argument whole (a path with
     * spaces).
     */
    static List<String> launchOptions(String archiveOption, List<String> trainingArguments) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(archiveOption.contains(" ") ? '"' + archiveOption + '"' : archiveOption);
        trainingArguments.stream().filter(a -> a.matches("-XX:\\+Use[A-Za-z0-9]+GC")).forEach(lines::add);
        return lines;
    }

    /**
     * The option that starts the JVM with the archive these recording options make; empty
     * if they record none.
     */
    static Optional<String> launchOption(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            if (argument.startsWith("-XX:ArchiveClassesAtExit=")) {
                return Optional.of("-XX:SharedArchiveFile=" + argument.substring(argument.indexOf('=') + 1));
            }
            if (argument.startsWith("-XX:AOTCacheOutput=")) {
                return Optional.of("-XX:AOTCache=" + argument.substring(argument.indexOf('=') + 1));
            }
        }
        return Optional.empty();
    }

}

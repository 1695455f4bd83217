package org.duban.screening;

import org.duban.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Gives the demonstration county a year of screened penalty cases: the standard
 * benchmark, a few thousand cases from the generator of the quality tests (each rule's
 * pattern planted a few times among clean cases), imported and screened through the same
 * services as a user's file, so that the {@code /screening} pages show real findings.
 * Loads only into empty screening tables, after the organisation tree (the cases name its
 * brigades and squads).
 */
@Component
@Order(130)
class ScreeningDemoLoader implements DemoLoader {

    /**
     * Enough for the pattern rules' minimum case counts, small enough for a quick start
     * (well under 2 s).
     */
    static final int CASES = 3_000;
    static final String ACTOR = org.duban.organization.StaffNames.SYSTEM;

    private static final Logger log = LoggerFactory.getLogger(ScreeningDemoLoader.class);

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final Imports imports;

    private final Screening screening;

    private final java.time.ZoneId zone;

    ScreeningDemoLoader(DemoMode demoMode, JdbcClient jdbc, Imports imports, Screening screening,
            java.time.Clock clock) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.imports = imports;
        this.screening = screening;
        this.zone = clock.getZone();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || !empty()) {
            return;
        }
        long started = System.nanoTime();
        demoMode.runAs(ACTOR, () -> {
            try (InputStream in = new ClassPathResource("screening/benchmark.csv").getInputStream()) {
                imports.importBenchmark(imports.start("BENCHMARK", "benchmark.csv", -1, ACTOR), in, false);
            }
            CaseGenerator.Plan plan = new CaseGenerator.Plan();
            plan.cases = CASES;
            plan.perCaseRule = 3;
            ByteArrayOutputStream file = new ByteArrayOutputStream(CASES * 500);
            try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
                new CaseGenerator(plan).write(out);
            }
            ImportResult cases = imports.importCases(imports.start("CASES", "demo-cases.csv", file.size(), ACTOR),
                    new ByteArrayInputStream(file.toByteArray()), false);
            long screened = System.nanoTime();
            Screening.RunResult run = screening.run(Screening.Trigger.COMMAND, ACTOR, null);
            datedInTheCampaign();
            log.info(
                    "Demonstration screening loaded: {} cases, {} findings; generated and imported in {} ms, "
                            + "screened in {} ms",
                    cases.inserted(), run.findingCount(), (screened - started) / 1_000_000,
                    (System.nanoTime() - screened) / 1_000_000);
        });
    }

    /**
     * The demonstration's imports and run are dated in the campaign's 2023 like the rest
     * of its data (the work team's screening before the self-inspection report), keeping
     * how long each took.
     */
    private void datedInTheCampaign() {
        java.time.OffsetDateTime at = java.time.LocalDateTime.of(2023, 10, 20, 9, 30).atZone(zone).toOffsetDateTime();
        for (String table : java.util.List.of("screening_import", "screening_run")) {
            jdbc.sql("update " + table + """
                     set finished_at = :at + (finished_at - started_at), started_at = :at
                    where started_by = :actor
                    """).param("at", at).param("actor", ACTOR).update();
        }
    }

    private boolean empty() {
        return jdbc.sql("""
                select not exists (select 1 from screening_case) and not exists (select 1 from screening_benchmark)
                   and not exists (select 1 from screening_run)
                """).query(Boolean.class).single();
    }

}

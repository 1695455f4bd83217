package org.duban.screening;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves each rule on generated data: it fires on the planted cases or subjects and stays
 * quiet on the clean ones. Precision and recall per rule are written to
 * {@code target/screening-quality.md}.
 */
@DubanTest
class ScreeningQualityTest {

    @Autowired
    Imports imports;

    @Autowired
    Screening screening;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyCases() {
        ScreeningTestData.clear(jdbc);
    }

    @Test
    void cleanDataGivesNoFindingsAtAll() throws Exception {
        CaseGenerator.Plan plan = new CaseGenerator.Plan();
        plan.cases = 20_000;
        plan.perCaseRule = 0;
        plan.patterns = false;
        plan.seed = 7;
        Screening.RunResult run = load(plan);
        Map<String, Long> byRule = jdbc
            .sql("select rule, count(*) as n from screening_finding where run_id = :run group by rule")
            .param("run", run.id())
            .query()
            .listOfRows()
            .stream()
            .collect(java.util.stream.Collectors.toMap(r -> (String) r.get("rule"),
                    r -> ((Number) r.get("n")).longValue()));
        assertThat(run.caseCount()).isEqualTo(20_000);
        assertThat(byRule).as("findings on clean data: " + jdbc.sql(
                "select rule || ' ' || subject_id || ' ' || array_to_string(args, '/') from screening_finding where run_id = :run")
            .param("run", run.id())
            .query(String.class)
            .list()).isEmpty();
    }

    @Test
    void everyRuleFindsWhatWasPlantedAndNothingElse() throws Exception {
        CaseGenerator.Plan plan = new CaseGenerator.Plan();
        plan.cases = 40_000;
        plan.perCaseRule = 25;
        CaseGenerator generator = new CaseGenerator(plan);
        Screening.RunResult run = load(plan, generator);
        StringBuilder report = new StringBuilder("| rule | planted | found | true positives | precision | recall |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        Map<String, double[]> quality = new LinkedHashMap<>();
        for (var e : generator.planted().entrySet()) {
            String rule = e.getKey();
            Set<String> found = new HashSet<>(
                    jdbc.sql("select distinct subject_id from screening_finding where run_id = :run and rule = :rule")
                        .param("run", run.id())
                        .param("rule", rule)
                        .query(String.class)
                        .list());
            Set<String> hits = new HashSet<>(found);
            hits.retainAll(e.getValue());
            double precision = found.isEmpty() ? 0 : (double) hits.size() / found.size();
            double recall = e.getValue().isEmpty() ? 0 : (double) hits.size() / e.getValue().size();
            quality.put(rule, new double[] { precision, recall });
            report.append(String.format("| %s | %d | %d | %d | %.2f | %.2f |%n", rule, e.getValue().size(),
                    found.size(), hits.size(), precision, recall));
            Set<String> falsePositives = new HashSet<>(found);
            falsePositives.removeAll(e.getValue());
            if (!falsePositives.isEmpty()) {
                report.append("  false positives of ")
                    .append(rule)
                    .append(": ")
                    .append(jdbc
                        .sql("select subject_id || ' ' || array_to_string(args, '/') from screening_finding "
                                + "where run_id = :run and rule = :rule and subject_id = any(:ids)")
                        .param("run", run.id())
                        .param("rule", rule)
                        .param("ids", falsePositives.toArray(String[]::new))
                        .query(String.class)
                        .list())
                    .append('\n');
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/screening-quality.md"), report);
        System.out.println(report);
        for (var e : quality.entrySet()) {
            assertThat(e.getValue()[0]).as("precision of " + e.getKey()).isEqualTo(1.0);
            assertThat(e.getValue()[1]).as("recall of " + e.getKey()).isEqualTo(1.0);
        }
        // One finding per subject and rule, however many groups it stands out in (issue
        // 16).
        assertThat(jdbc.sql("""
                select rule || ' ' || subject_type || ' ' || subject_id from screening_finding where run_id = :run
                group by rule, subject_type, subject_id having count(*) > 1
                """).param("run", run.id()).query(String.class).list()).isEmpty();
        // A pair with twelve cases, all at month end, is below the minimum and is not
        // judged.
        assertThat(jdbc.sql("select count(*) from screening_finding where run_id = :run and subject_id like '150699%'")
            .param("run", run.id())
            .query(Long.class)
            .single()).isZero();
    }

    private Screening.RunResult load(CaseGenerator.Plan plan) throws Exception {
        return load(plan, new CaseGenerator(plan));
    }

    private Screening.RunResult load(CaseGenerator.Plan plan, CaseGenerator generator) throws Exception {
        Path file = Files.createTempFile("cases", ".csv");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                generator.write(out);
            }
            ScreeningTestData.benchmark(imports);
            try (InputStream in = Files.newInputStream(file)) {
                ImportResult r = imports.importCases(imports.start("CASES", "cases.csv", Files.size(file), "test"), in,
                        false);
                assertThat(r.rejections()).isEmpty();
            }
            return screening.run(Screening.Trigger.COMMAND, "test", null);
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

}

package org.duban.screening;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The speed and memory benchmark of issue 6: one million generated cases, imported beside
 * PostgreSQL's own COPY of the same file (into a table of text columns) in the same run,
 * then all rules. Not part of the normal test run: {@code ./mvnw -B -o -Pbench test}
 * (surefire runs it with {@code -Xmx1g}); results in {@code target/bench/result.md}.
 */
@DubanTest
class ScreeningBenchmark {

    @Autowired
    Imports imports;

    @Autowired
    Screening screening;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void oneMillionCases() throws Exception {
        int cases = Integer.getInteger("bench.cases", 1_000_000);
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path file = dir.resolve("cases.csv");
        CaseGenerator.Plan plan = new CaseGenerator.Plan();
        plan.cases = cases;
        plan.perCaseRule = 200;
        long t0 = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new CaseGenerator(plan).write(out);
        }
        double generate = seconds(t0);
        String loadBefore = loadAverage();
        ScreeningTestData.clear(jdbc);
        ScreeningTestData.benchmark(imports);

        // PostgreSQL's own COPY of the same file into a table of text columns, before and
        // after the import: the
        // machine is shared, and its load drifts over the minutes of a run, so the import
        // is set against both.
        String columns = java.util.Arrays.stream(CaseGenerator.HEADER)
            .map(c -> c + " text")
            .collect(Collectors.joining(", "));
        double copy = copy(file, columns);
        long t1 = System.nanoTime();
        ImportResult result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            result = imports.importCases(imports.start("CASES", "cases.csv", Files.size(file), "bench"), in, false);
        }
        double importSeconds = seconds(t1);
        double copyAfter = copy(file, columns);
        String loadAfterImport = loadAverage();

        long t2 = System.nanoTime();
        Screening.RunResult run = screening.run(Screening.Trigger.COMMAND, "bench", null);
        double rules = seconds(t2);

        // Re-import of the same file: every row compared, nothing changes.
        long t3 = System.nanoTime();
        ImportResult again = result;
        if (Boolean.getBoolean("bench.reimport")) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                again = imports.importCases(imports.start("CASES", "cases.csv", Files.size(file), "bench"), in, false);
            }
        }
        double reimport = seconds(t3);

        long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
            .stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT,
                """
                        # Screening benchmark

                        - cases: %d rows, file %.0f MiB (generated in %.1f s)
                        - JVM max heap: %d MiB; peak heap used (sum of pool peaks): %d MiB
                        - PostgreSQL COPY of the file into text columns: %.1f s before the import, %.1f s after it
                        - load average (/proc/loadavg) before the first COPY: %s; after the second: %s; after the rules: %s
                        - Duban import (parse, validate, COPY, keys, analyze): %.1f s = %.2f x the mean COPY (%d new, %d rejected)
                        - re-import of the same file (no changes; only with -Dbench.reimport=true): %.1f s (%d unchanged)
                        - all %d rules: %.1f s, %d findings

                        | rule | ms | findings |
                        |---|---:|---:|
                        """,
                result.rowsRead(), Files.size(file) / 1048576.0, generate, Runtime.getRuntime().maxMemory() / 1048576,
                peakHeap / 1048576, copy, copyAfter, loadBefore, loadAfterImport, loadAverage(), importSeconds,
                importSeconds / ((copy + copyAfter) / 2), result.inserted(), result.rejectedCount(), reimport,
                again.unchanged(), run.counts().size(), rules, run.findingCount()));
        run.millis()
            .forEach((rule, ms) -> report.append("| ")
                .append(rule)
                .append(" | ")
                .append(ms)
                .append(" | ")
                .append(run.counts().get(rule))
                .append(" |\n"));
        Files.writeString(dir.resolve("result.md"), report);
        System.out.println(report);
        Files.deleteIfExists(file);
    }

    private double copy(Path file, String columns) throws Exception {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("drop table if exists bench_copy");
            st.execute("create table bench_copy (" + columns + ")");
            long t = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                con.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy bench_copy from stdin (format csv, header)", in);
            }
            double seconds = seconds(t);
            st.execute("drop table bench_copy");
            return seconds;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}

package org.duban.screening;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;

/** Test helpers: an empty screening schema and the standard benchmark. */
final class ScreeningTestData {

    private ScreeningTestData() {
    }

    static void clear(JdbcClient jdbc) {
        jdbc.sql(
                "truncate screening_finding, screening_run, screening_case_history, screening_case, screening_rejection, "
                        + "screening_import")
            .update();
        // Benchmark entries that a rule of the regulation module links to stay (the
        // tests' benchmark import upserts
        // them again); the others go.
        jdbc.sql("""
                delete from screening_benchmark b where not exists (select 1 from regulation_benchmark r
                    where r.violation_code = b.violation_code and r.circumstance = b.circumstance)
                """).update();
    }

    static ImportResult benchmark(Imports imports) throws IOException {
        try (InputStream in = new ClassPathResource("screening/benchmark.csv").getInputStream()) {
            return imports.importBenchmark(imports.start("BENCHMARK", "benchmark.csv", -1, "test"), in, false);
        }
    }

}

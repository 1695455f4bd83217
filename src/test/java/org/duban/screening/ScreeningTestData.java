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
        // cascade: other modules keep links to benchmark entries (the rules that changed them, regulation_benchmark).
        jdbc.sql("truncate screening_finding, screening_run, screening_case_history, screening_case, screening_rejection, "
                + "screening_import, screening_benchmark cascade").update();
    }

    static ImportResult benchmark(Imports imports) throws IOException {
        try (InputStream in = new ClassPathResource("screening/benchmark.csv").getInputStream()) {
            return imports.importBenchmark(imports.start("BENCHMARK", "benchmark.csv", -1, "test"), in, false);
        }
    }
}

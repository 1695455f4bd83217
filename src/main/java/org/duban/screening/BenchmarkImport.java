package org.duban.screening;

import org.duban.screening.ImportPipeline.CountingStream;
import org.duban.screening.ImportResult.Rejection;
import org.duban.screening.ImportResult.Warning;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The penalty benchmark's import: a small file (at most 100,000 rows kept), read whole,
 * then upserted row by row by violation code and circumstance in one transaction.
 */
final class BenchmarkImport {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkImport.class);

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    private final Clock clock;

    BenchmarkImport(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    ImportResult load(UUID importId, CountingStream in, boolean xlsx) {
        List<Warning> warnings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        long[] read = new long[1];
        try {
            ImportPipeline.parse(ContractFormat.BENCHMARK, in, xlsx, warnings, (line, values, rejection) -> {
                read[0]++;
                if (rejection != null) {
                    rejections.add(rejection);
                }
                else if (new BigDecimal(values[4]).compareTo(new BigDecimal(values[5])) > 0) {
                    rejections.add(new Rejection(line, "max_fine", "screening.reject.range", values[5]));
                }
                else if (rows.size() < 100_000) {
                    rows.add(values);
                }
            });
        }
        catch (IOException e) {
            // The library's or driver's own text (POI, SQL) stays in the log; the user
            // gets the translated reason.
            log.info("screening import refused as unreadable: {}", e.toString());
            throw new ImportRefused("screening.refused.unreadable", "");
        }
        long[] counts = tx.execute(s -> {
            long inserted = 0;
            long updated = 0;
            for (String[] v : rows) {
                Boolean ins = jdbc
                    .sql("""
                            insert into screening_benchmark (violation_code, violation, legal_basis, circumstance, min_fine,
                                                             max_fine, exempt_eligible, updated_by, updated_at)
                            values (:code, :violation, :basis, :circumstance, :min::numeric, :max::numeric, :exempt, :by, :at)
                            on conflict (violation_code, circumstance) do update set violation = excluded.violation,
                                legal_basis = excluded.legal_basis, min_fine = excluded.min_fine, max_fine = excluded.max_fine,
                                exempt_eligible = excluded.exempt_eligible, updated_by = excluded.updated_by,
                                updated_at = excluded.updated_at, version = screening_benchmark.version + 1
                            where (screening_benchmark.violation, screening_benchmark.legal_basis, screening_benchmark.min_fine,
                                   screening_benchmark.max_fine, screening_benchmark.exempt_eligible)
                                  is distinct from (excluded.violation, excluded.legal_basis, excluded.min_fine,
                                   excluded.max_fine, excluded.exempt_eligible)
                            returning (xmax = 0)
                            """)
                    .param("code", v[0])
                    .param("violation", v[1])
                    .param("basis", v[2])
                    .param("circumstance", v[3])
                    .param("min", v[4])
                    .param("max", v[5])
                    .param("exempt", "t".equals(v[6]))
                    .param("by", CurrentUser.actor())
                    .param("at", Timestamp.from(clock.instant()))
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
                if (ins != null) {
                    if (ins) {
                        inserted++;
                    }
                    else {
                        updated++;
                    }
                }
            }
            return new long[] { inserted, updated };
        });
        ImportPipeline.saveRejections(dataSource, importId, rejections);
        return new ImportResult(importId, read[0], counts[0], counts[1], rows.size() - counts[0] - counts[1],
                List.copyOf(rejections), rejections.size(), List.copyOf(warnings));
    }

}

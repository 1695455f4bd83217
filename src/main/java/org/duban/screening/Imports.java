package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.duban.screening.ImportPipeline.CountingStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Imports case records and the penalty benchmark (SCREENING.md 1 and 2), keeping the
 * import's record (status, progress, counts, warnings) and its audit entry. The file is
 * read as a stream by {@link ImportPipeline}; cases are merged by {@link CaseUpsert}, the
 * benchmark by {@link BenchmarkImport}.
 */
@Service
public class Imports {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate tx;

    private final Clock clock;

    private final CaseUpsert caseUpsert;

    private final BenchmarkImport benchmark;

    Imports(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.caseUpsert = new CaseUpsert(dataSource);
        this.benchmark = new BenchmarkImport(dataSource, jdbc, tx, clock);
    }

    /** Registers an import so that its progress can be watched while it runs. */
    public UUID start(String kind, String fileName, long totalBytes, String actor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into screening_import (id, kind, file_name, status, total_bytes, started_by, started_at)
                values (:id, :kind, :file, 'RUNNING', :total, :by, :at)
                """)
            .param("id", id)
            .param("kind", kind)
            .param("file", ImportPipeline.truncate(fileName, 300))
            .param("total", totalBytes < 0 ? null : totalBytes)
            .param("by", actor)
            .param("at", Timestamp.from(clock.instant()))
            .update();
        return id;
    }

    /** Imports case records from CSV (or XLSX when {@code xlsx}) into the cases table. */
    public ImportResult importCases(UUID importId, InputStream input, boolean xlsx) {
        return run(importId, input, xlsx, true, null);
    }

    /**
     * As above, telling {@code progress} the number of rows read every so often (for the
     * command line).
     */
    public ImportResult importCases(UUID importId, InputStream input, boolean xlsx, LongConsumer progress) {
        return run(importId, input, xlsx, true, progress);
    }

    public ImportResult importBenchmark(UUID importId, InputStream input, boolean xlsx) {
        return run(importId, input, xlsx, false, null);
    }

    private ImportResult run(UUID importId, InputStream input, boolean xlsx, boolean cases, LongConsumer listener) {
        CountingStream counting = new CountingStream(input);
        try {
            ImportResult result = cases ? caseUpsert.load(importId, counting, xlsx, (rows, bytes) -> {
                progress(importId, rows, bytes);
                if (listener != null) {
                    listener.accept(rows);
                }
            }) : benchmark.load(importId, counting, xlsx);
            finish(importId, result, counting.count());
            tx.executeWithoutResult(s -> events
                .publishEvent(AuditEvent.change(cases ? "screening.cases.imported" : "screening.benchmark.imported",
                        "screening_import", importId, Map.of(), Map.of("rows", result.rowsRead(), "inserted",
                                result.inserted(), "updated", result.updated(), "rejected", result.rejectedCount()))));
            return result;
        }
        catch (RuntimeException e) {
            jdbc.sql("update screening_import set status = 'FAILED', finished_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", importId)
                .update();
            throw e;
        }
    }

    /**
     * Marks an import as failed with a reason (message key and argument), e.g. when the
     * file was refused.
     */
    public void fail(UUID importId, String warning) {
        jdbc.sql("update screening_import set status = 'FAILED', warnings = :w, finished_at = :at where id = :id")
            .param("w", warning)
            .param("at", Timestamp.from(clock.instant()))
            .param("id", importId)
            .update();
    }

    private void progress(UUID importId, long rows, long bytes) {
        jdbc.sql("update screening_import set rows_read = :rows, bytes_read = :bytes where id = :id")
            .param("rows", rows)
            .param("bytes", bytes)
            .param("id", importId)
            .update();
    }

    private void finish(UUID importId, ImportResult r, long bytes) {
        // One warning per line: a line break inside an argument (a quoted CSV header may
        // hold one) would split it.
        String warnings = r.warnings()
            .stream()
            .map(w -> w.key() + "|" + (w.arg() == null ? "" : w.arg().replaceAll("\\R", " ")))
            .collect(Collectors.joining("\n"));
        jdbc.sql(
                """
                        update screening_import set status = 'DONE', rows_read = :rows, rows_inserted = :ins, rows_updated = :upd,
                               rows_rejected = :rej, bytes_read = :bytes, warnings = :warnings, finished_at = :at where id = :id
                        """)
            .param("rows", r.rowsRead())
            .param("ins", r.inserted())
            .param("upd", r.updated())
            .param("rej", r.rejectedCount())
            .param("bytes", bytes)
            .param("warnings", warnings)
            .param("at", Timestamp.from(clock.instant()))
            .param("id", importId)
            .update();
    }

}

package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading imports, runs and the benchmark for the pages; editing a benchmark row. */
@Service
public class ScreeningData {

    public record ImportView(UUID id, String kind, String fileName, String status, long rowsRead, long inserted,
            long updated, long rejected, Long totalBytes, long bytesRead, List<String[]> warnings, String startedBy,
            Instant startedAt, Instant finishedAt) {
        public int percent() {
            if ("DONE".equals(status)) {
                return 100;
            }
            return totalBytes == null || totalBytes == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / totalBytes);
        }
    }

    public record RejectionView(long line, String column, String reason, String value) {
    }

    public record RunView(UUID id, String startedBy, String trigger, Instant startedAt, Instant finishedAt,
            String status, Long caseCount, String decidedFrom, String decidedTo, String rules, String settings,
            Long findingCount) {
    }

    public record BenchmarkRow(String violationCode, String circumstance, String violation, String legalBasis,
            BigDecimal minFine, BigDecimal maxFine, boolean exemptEligible, long version, String updatedBy,
            Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ScreeningData(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ImportView> imports() {
        return jdbc.sql("select * from screening_import order by started_at desc limit 100")
            .query(ScreeningData::mapImport)
            .list();
    }

    @Transactional(readOnly = true)
    public ImportView importOf(UUID id) {
        return jdbc.sql("select * from screening_import where id = :id")
            .param("id", id)
            .query(ScreeningData::mapImport)
            .optional()
            .orElseThrow(() -> new NotFoundException("import " + id));
    }

    @Transactional(readOnly = true)
    public List<RejectionView> rejections(UUID id, int limit) {
        return jdbc.sql("select * from screening_rejection where import_id = :id order by line limit :limit")
            .param("id", id)
            .param("limit", limit)
            .query((rs, n) -> new RejectionView(rs.getLong("line"), rs.getString("column_name"), rs.getString("reason"),
                    rs.getString("value")))
            .list();
    }

    @Transactional(readOnly = true)
    public List<RunView> runs() {
        return jdbc
            .sql("select *, settings::text as settings_text from screening_run order by started_at desc limit 100")
            .query((rs, n) -> new RunView(rs.getObject("id", UUID.class), rs.getString("started_by"),
                    rs.getString("trigger"), rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                    rs.getString("status"), (Long) rs.getObject("case_count"), rs.getString("decided_from"),
                    rs.getString("decided_to"), rs.getString("rules"), rs.getString("settings_text"),
                    (Long) rs.getObject("finding_count")))
            .list();
    }

    @Transactional(readOnly = true)
    public List<BenchmarkRow> benchmark() {
        return jdbc.sql("""
                select * from screening_benchmark order by violation_code,
                       array_position(array['MINOR','GENERAL','SERIOUS','GRAVE']::varchar[], circumstance)
                """)
            .query((rs, n) -> new BenchmarkRow(rs.getString("violation_code"), rs.getString("circumstance"),
                    rs.getString("violation"), rs.getString("legal_basis"), rs.getBigDecimal("min_fine"),
                    rs.getBigDecimal("max_fine"), rs.getBoolean("exempt_eligible"), rs.getLong("version"),
                    rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
            .list();
    }

    @Transactional
    public void updateBenchmark(String code, String circumstance, BigDecimal min, BigDecimal max, boolean exempt,
            long version) {
        BenchmarkRow before = benchmark().stream()
            .filter(b -> b.violationCode().equals(code) && b.circumstance().equals(circumstance))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("benchmark " + code));
        if (min == null || max == null || min.signum() < 0 || max.compareTo(min) < 0) {
            throw new BusinessRuleViolation("screening.benchmark.badRange");
        }
        int updated = jdbc.sql("""
                update screening_benchmark set min_fine = :min, max_fine = :max, exempt_eligible = :exempt,
                       version = version + 1, updated_by = :by, updated_at = :at
                where violation_code = :code and circumstance = :circumstance and version = :version
                """)
            .param("min", min)
            .param("max", max)
            .param("exempt", exempt)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("code", code)
            .param("circumstance", circumstance)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw new StaleEditException(code + " " + circumstance, before.updatedBy(), before.updatedAt());
        }
        events.publishEvent(
                AuditEvent.change("screening.benchmark.updated", "screening_benchmark", code + "/" + circumstance,
                        Map.of("min", before.minFine(), "max", before.maxFine(), "exempt", before.exemptEligible()),
                        Map.of("min", min, "max", max, "exempt", exempt)));
    }

    static ImportView mapImport(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String w = rs.getString("warnings");
        List<String[]> warnings = w == null || w.isBlank() ? List.of()
                : java.util.Arrays.stream(w.split("\n"))
                    .map(line -> line.split("\\|", 2))
                    // Rows stored before arguments were kept on one line: skip their
                    // continuation lines.
                    .filter(parts -> parts.length == 2)
                    .toList();
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("status"), rs.getLong("rows_read"), rs.getLong("rows_inserted"),
                rs.getLong("rows_updated"), rs.getLong("rows_rejected"), (Long) rs.getObject("total_bytes"),
                rs.getLong("bytes_read"), warnings, rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }

}

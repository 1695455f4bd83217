package org.duban.regulation;

import org.duban.audit.AuditEvent;
import org.duban.ledger.ProblemRef;
import org.duban.ledger.Problems;
import org.duban.organization.DataScope;
import org.duban.screening.ScreeningData;
import org.duban.security.CurrentUser;
import org.duban.shared.PageOf;
import org.duban.shared.SqlLike;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The register of the campaign's rules: drafted by the work team, issued by the leading
 * group, within scope.
 */
@Service
public class Regulations {

    private final JdbcClient jdbc;

    private final Problems problems;

    private final ScreeningData screening;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Regulations(JdbcClient jdbc, Problems problems, ScreeningData screening, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.screening = screening;
        this.events = events;
        this.clock = clock;
    }

    private static final String COLUMNS = """
            select r.*,
                   array(select p.reference from regulation_problem rp join problem p on p.id = rp.problem_id
                         where rp.regulation_id = r.id order by p.reference) as problem_refs,
                   array(select b.violation_code || '|' || b.circumstance from regulation_benchmark b
                         where b.regulation_id = r.id order by b.violation_code, b.circumstance) as entries
            """;

    private static final String IN_SCOPE = " from regulation r where r.unit_id = any(:units)";

    private static final String SELECT = COLUMNS + IN_SCOPE;

    /** The filters of the regulations list; null = any. */
    public record Filter(RegulationKind kind, RegulationStatus status, String q) {
    }

    /**
     * The list's filters; the keyword is matched in the title, the document number and
     * the summary.
     */
    private static final String FILTER = """
             and (cast(:kind as varchar) is null or r.kind = :kind)
             and (cast(:status as varchar) is null or r.status = :status)
             and (cast(:q as varchar) is null or r.title ilike '%' || :q || '%'
                  or r.document_number ilike '%' || :q || '%' or r.summary ilike '%' || :q || '%')
            """;

    /**
     * One page of the regulations in scope that match, with the count of all that match.
     */
    @Transactional(readOnly = true)
    public PageOf<Regulation> search(DataScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, COLUMNS, IN_SCOPE + FILTER,
                "order by r.issued_on desc nulls first, r.created_at desc", params, Regulations::map, page, size);
    }

    @Transactional(readOnly = true)
    public Regulation get(UUID id, DataScope scope) {
        return jdbc.sql(SELECT + " and r.id = :id")
            .param("units", scope.unitArray())
            .param("id", id)
            .query(Regulations::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("regulation " + id));
    }

    /**
     * Benchmark entries as {@code code|CIRCUMSTANCE} → label, for the form and the detail
     * page.
     */
    @Transactional(readOnly = true)
    public Map<String, String> benchmarkLabels() {
        return screening.benchmark()
            .stream()
            .collect(Collectors.toMap(b -> b.violationCode() + "|" + b.circumstance(),
                    b -> b.violationCode() + " " + (b.violation() == null ? "" : b.violation()), (a, b) -> a,
                    java.util.LinkedHashMap::new));
    }

    @Transactional
    public UUID create(RegulationForm form, DataScope scope) {
        check(form, scope);
        List<UUID> linked = problemIds(form, scope);
        List<String> entries = entries(form);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into regulation (id, unit_id, title, kind, predecessor, summary, created_by, created_at,
                                        updated_by, updated_at)
                values (:id, :unit, :title, :kind, :predecessor, :summary, :by, :at, :by, :at)
                """)
            .param("id", id)
            .param("unit", form.unitId())
            .param("title", form.title().strip())
            .param("kind", form.kind().name())
            .param("predecessor", blankToNull(form.predecessor()))
            .param("summary", blankToNull(form.summary()))
            .param("by", CurrentUser.actor())
            .param("at", now)
            .update();
        link(id, linked, entries);
        events.publishEvent(AuditEvent.change("regulation.drafted", "regulation", id, Map.of(), Map.of("title",
                form.title(), "kind", form.kind().name(), "problems", linked.size(), "benchmarkEntries", entries)));
        events.publishEvent(new RegulationDrafted(id, form.unitId(), form.title().strip()));
        return id;
    }

    @Transactional
    public void update(UUID id, RegulationForm form, DataScope scope) {
        Regulation before = get(id, scope);
        if (form.version() == null || form.version() != before.version()) {
            throw stale(id);
        }
        before.edit();
        check(form, scope);
        List<UUID> linked = problemIds(form, scope);
        List<String> entries = entries(form);
        int n = jdbc.sql("""
                update regulation set unit_id = :unit, title = :title, kind = :kind, predecessor = :predecessor,
                       summary = :summary, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("unit", form.unitId())
            .param("title", form.title().strip())
            .param("kind", form.kind().name())
            .param("predecessor", blankToNull(form.predecessor()))
            .param("summary", blankToNull(form.summary()))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", before.version())
            .update();
        if (n == 0) {
            throw stale(id);
        }
        jdbc.sql("delete from regulation_problem where regulation_id = :id").param("id", id).update();
        jdbc.sql("delete from regulation_benchmark where regulation_id = :id").param("id", id).update();
        link(id, linked, entries);
        events.publishEvent(AuditEvent.change("regulation.updated", "regulation", id,
                Map.of("title", before.title(), "problems", before.problems(), "benchmarkEntries",
                        before.benchmarkEntries()),
                Map.of("title", form.title(), "problems", form.references(), "benchmarkEntries", entries)));
    }

    @Transactional
    public void issue(UUID id, long version, String number, LocalDate on, DataScope scope) {
        Regulation before = get(id, scope);
        if (version != before.version()) {
            throw stale(id);
        }
        RegulationStatus to = before.issue(number, on, LocalDate.now(clock));
        int n = jdbc.sql("""
                update regulation set status = :status, document_number = :number, issued_on = :on,
                       version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", to.name())
            .param("number", number.strip())
            .param("on", Date.valueOf(on))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", version)
            .update();
        if (n == 0) {
            throw stale(id);
        }
        events.publishEvent(
                AuditEvent.change("regulation.issued", "regulation", id, Map.of("status", before.status().name()),
                        Map.of("status", to.name(), "documentNumber", number.strip(), "issuedOn", on.toString())));
    }

    private void check(RegulationForm form, DataScope scope) {
        if (!scope.includes(form.unitId())) {
            throw new BusinessRuleViolation("regulation.unitOutOfScope");
        }
        Regulation.check(form.kind(), form.predecessor());
    }

    /**
     * Every reference must name a problem in scope; the first unknown one is named in the
     * refusal.
     */
    private List<UUID> problemIds(RegulationForm form, DataScope scope) {
        List<UUID> ids = new ArrayList<>();
        for (String reference : form.references()) {
            ids.add(problems.findByReference(reference, scope.unitArray())
                .map(ProblemRef::id)
                .orElseThrow(() -> new BusinessRuleViolation("regulation.unknownProblem", reference)));
        }
        return ids;
    }

    private List<String> entries(RegulationForm form) {
        if (form.benchmarkEntries() == null || form.benchmarkEntries().isEmpty()) {
            return List.of();
        }
        Set<String> known = benchmarkLabels().keySet();
        for (String entry : form.benchmarkEntries()) {
            if (!known.contains(entry)) {
                throw new BusinessRuleViolation("regulation.unknownBenchmark");
            }
        }
        return form.benchmarkEntries().stream().distinct().toList();
    }

    private void link(UUID id, List<UUID> problemIds, List<String> entries) {
        for (UUID problem : problemIds) {
            jdbc.sql("insert into regulation_problem (regulation_id, problem_id) values (:id, :p)")
                .param("id", id)
                .param("p", problem)
                .update();
        }
        for (String entry : entries) {
            String[] parts = entry.split("\\|", 2);
            jdbc.sql("""
                    insert into regulation_benchmark (regulation_id, violation_code, circumstance)
                    values (:id, :code, :circumstance)
                    """).param("id", id).param("code", parts[0]).param("circumstance", parts[1]).update();
        }
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from regulation where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("regulation " + id, rs.getString("updated_by"),
                    rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
            .single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Regulation map(ResultSet rs, int n) throws SQLException {
        Date issued = rs.getDate("issued_on");
        return new Regulation(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getString("title"), RegulationKind.valueOf(rs.getString("kind")), rs.getString("predecessor"),
                rs.getString("summary"), rs.getString("document_number"), issued == null ? null : issued.toLocalDate(),
                RegulationStatus.valueOf(rs.getString("status")), strings(rs.getArray("problem_refs")),
                strings(rs.getArray("entries")), rs.getLong("version"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

}

package org.duban.typicalcase;

import org.duban.audit.AuditEvent;
import org.duban.ledger.PersonalFields;
import org.duban.ledger.Problems;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.shared.SqlLike;
import org.duban.shared.PageOf;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Typical cases of the units in scope; the public list reads published cases' public
 * columns only.
 */
@Service
public class TypicalCases {

    private final JdbcClient jdbc;

    private final Problems problems;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    TypicalCases(JdbcClient jdbc, Problems problems, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.events = events;
        this.clock = clock;
    }

    private static final String IN_SCOPE = """
             from typical_case t join problem p on p.id = t.problem_id
            where t.unit_id = any(:units)
            """;

    private static final String SELECT = "select t.*, p.reference" + IN_SCOPE;

    /** The filters of the typical cases list; null = any. */
    public record Filter(TypicalCaseKind kind, TypicalCaseStatus status, String q) {
    }

    /** The keyword is matched in the title, the summary and the problem's number. */
    private static final String FILTER = """
             and (cast(:kind as varchar) is null or t.kind = :kind)
             and (cast(:status as varchar) is null or t.status = :status)
             and (cast(:q as varchar) is null or t.title ilike '%' || :q || '%' or t.summary ilike '%' || :q || '%'
                  or p.reference ilike '%' || :q || '%')
            """;

    /**
     * One page of the typical cases in scope that match, with the count of all that
     * match.
     */
    @Transactional(readOnly = true)
    public PageOf<TypicalCase> search(DataScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, "select t.*, p.reference", IN_SCOPE + FILTER, "order by t.created_at desc, t.id",
                params, TypicalCases::map, page, size);
    }

    @Transactional(readOnly = true)
    public TypicalCase get(UUID id, DataScope scope) {
        return jdbc.sql(SELECT + " and t.id = :id")
            .param("units", scope.unitArray())
            .param("id", id)
            .query(TypicalCases::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("typical case " + id));
    }

    /** Published cases, newest first: the public columns and nothing else. */
    @Transactional(readOnly = true)
    public List<PublicTypicalCase> published() {
        return jdbc.sql("""
                select kind, public_title, public_text, published_on from typical_case
                where status = 'PUBLISHED' order by published_on desc, id
                """)
            .query((rs, n) -> new PublicTypicalCase(TypicalCaseKind.valueOf(rs.getString("kind")),
                    rs.getString("public_title"), rs.getString("public_text"),
                    rs.getDate("published_on").toLocalDate()))
            .list();
    }

    @Transactional
    public UUID create(TypicalCaseForm form, DataScope scope) {
        PersonalFields source = source(form, scope);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into typical_case (id, unit_id, problem_id, kind, source, title, summary, lessons, public_title,
                                          public_text, created_by, created_at, updated_by, updated_at)
                values (:id, :unit, :problem, :kind, :source, :title, :summary, :lessons, :publicTitle, :publicText,
                        :by, :at, :by, :at)
                """)
            .param("id", id)
            .param("unit", source.unitId())
            .param("problem", source.problemId())
            .params(columns(form))
            .param("by", CurrentUser.actor())
            .param("at", now)
            .update();
        events.publishEvent(AuditEvent.change("typicalcase.created", "typical_case", id, Map.of(),
                Map.of("kind", form.kind().name(), "problem", source.reference())));
        events.publishEvent(new TypicalCaseRegistered(id, source.unitId(), form.title().strip()));
        return id;
    }

    @Transactional
    public void update(UUID id, TypicalCaseForm form, DataScope scope) {
        TypicalCase before = get(id, scope);
        checkVersion(before, form.version());
        TypicalCaseStatus to = before.edit();
        PersonalFields source = source(form, scope);
        int n = jdbc.sql("""
                update typical_case set unit_id = :unit, problem_id = :problem, kind = :kind, source = :source,
                       title = :title, summary = :summary, lessons = :lessons, public_title = :publicTitle,
                       public_text = :publicText, status = :status, approved_by = null, approved_at = null,
                       version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("unit", source.unitId())
            .param("problem", source.problemId())
            .params(columns(form))
            .param("status", to.name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", before.version())
            .update();
        if (n == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("typicalcase.updated", "typical_case", id,
                Map.of("title", before.title(), "status", before.status().name()),
                Map.of("title", form.title(), "status", to.name())));
        events.publishEvent(new TypicalCaseRegistered(id, source.unitId(), form.title().strip()));
    }

    @Transactional
    public void approve(UUID id, long version, DataScope scope) {
        TypicalCase before = get(id, scope);
        checkVersion(before, version);
        move(before, before.approve(names(before, scope)), "typicalcase.approved");
    }

    /**
     * Publishes the approved public text after checking it against the source problem's
     * personal fields.
     */
    @Transactional
    public void publish(UUID id, long version, DataScope scope) {
        TypicalCase before = get(id, scope);
        checkVersion(before, version);
        move(before, before.publish(names(before, scope)), "typicalcase.published");
    }

    @Transactional
    public void withdraw(UUID id, long version, DataScope scope) {
        TypicalCase before = get(id, scope);
        checkVersion(before, version);
        move(before, before.withdraw(), "typicalcase.withdrawn");
    }

    private void move(TypicalCase before, TypicalCaseStatus to, String action) {
        boolean approving = to == TypicalCaseStatus.APPROVED && before.status() == TypicalCaseStatus.DRAFT;
        Timestamp now = Timestamp.from(clock.instant());
        int n = jdbc.sql("""
                update typical_case set status = :status,
                       approved_by = case when :approving then :by else approved_by end,
                       approved_at = case when :approving then :at else approved_at end,
                       published_on = :published, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", to.name())
            .param("approving", approving)
            .param("by", CurrentUser.actor())
            .param("at", now)
            .param("published", to == TypicalCaseStatus.PUBLISHED ? Date.valueOf(LocalDate.now(clock)) : null)
            .param("id", before.id())
            .param("version", before.version())
            .update();
        if (n == 0) {
            throw stale(before.id());
        }
        events.publishEvent(AuditEvent.change(action, "typical_case", before.id(),
                Map.of("status", before.status().name()), Map.of("status", to.name())));
    }

    private List<String> names(TypicalCase c, DataScope scope) {
        return problems.personalFields(c.problemReference(), scope.unitArray())
            .map(PersonalFields::names)
            .orElse(List.of());
    }

    private PersonalFields source(TypicalCaseForm form, DataScope scope) {
        return problems.personalFields(form.problemReference(), scope.unitArray())
            .orElseThrow(() -> new BusinessRuleViolation("typicalcase.unknownProblem"));
    }

    private void checkVersion(TypicalCase before, Long version) {
        if (version == null || version != before.version()) {
            throw stale(before.id());
        }
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from typical_case where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("typical case " + id, rs.getString("updated_by"),
                    rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
            .single();
    }

    private static Map<String, Object> columns(TypicalCaseForm f) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("kind", f.kind().name());
        p.put("source", f.source().name());
        p.put("title", f.title().strip());
        p.put("summary", f.summary().strip());
        p.put("lessons", blankToNull(f.lessons()));
        p.put("publicTitle", blankToNull(f.publicTitle()));
        p.put("publicText", blankToNull(f.publicText()));
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static TypicalCase map(ResultSet rs, int n) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        Date published = rs.getDate("published_on");
        return new TypicalCase(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getObject("problem_id", UUID.class), rs.getString("reference"),
                TypicalCaseKind.valueOf(rs.getString("kind")), TypicalCaseSource.valueOf(rs.getString("source")),
                rs.getString("title"), rs.getString("summary"), rs.getString("lessons"), rs.getString("public_title"),
                rs.getString("public_text"), TypicalCaseStatus.valueOf(rs.getString("status")),
                rs.getString("approved_by"), approved == null ? null : approved.toInstant(),
                published == null ? null : published.toLocalDate(), rs.getLong("version"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

}

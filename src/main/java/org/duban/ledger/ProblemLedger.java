package org.duban.ledger;

import org.duban.shared.BureauClock;
import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The problem ledger: scoped queries and the persistence of the {@link Problem}
 * aggregate's actions, with the change history (old → new), the audit trail and
 * optimistic locking.
 *
 * <p>
 * Visibility: a problem is visible to a user whose data scope holds the unit concerned or
 * the unit it is assigned to; a confidential clue only to holders of
 * {@code ledger:clue:confidential}. Anything else is "not found".
 */
@Service
public class ProblemLedger {

    public static final String CONFIDENTIAL = "ledger:clue:confidential";

    /**
     * The problem's columns for the fields an action sets. The opinion on a check and the
     * reason for a reopening live elsewhere (the rectification, the history) and have no
     * column here.
     */
    private static final Map<Problem.Field, String> COLUMNS = columns();

    private static Map<Problem.Field, String> columns() {
        Map<Problem.Field, String> columns = new EnumMap<>(Problem.Field.class);
        columns.put(Problem.Field.ASSIGNED_UNIT, "assigned_unit_id");
        columns.put(Problem.Field.ASSIGNED_BY, "assigned_by");
        columns.put(Problem.Field.ASSIGNED_ON, "assigned_on");
        columns.put(Problem.Field.TIME_LIMIT, "limit_days");
        columns.put(Problem.Field.DUE_ON, "due_on");
        columns.put(Problem.Field.FINDING, "finding");
        columns.put(Problem.Field.REOPEN_COUNT, "reopen_count");
        columns.put(Problem.Field.ROOT_CAUSE, "root_cause");
        columns.put(Problem.Field.ROOT_CAUSE_NOTE, "root_cause_note");
        return columns;
    }

    /**
     * The name of a field in the problem's history ({@code problem_change.field},
     * labelled {@code timeline.field.*}): the column's name, kept from the rows already
     * written.
     */
    private static String historyName(Problem.Field field) {
        return switch (field) {
            case CHECK_OPINION -> "verification_opinion";
            case REOPEN_REASON -> "reopen_reason";
            default -> COLUMNS.get(field);
        };
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final BureauClock bureau;

    private final WorkingDays workingDays;

    private final EvidenceStore evidence;

    ProblemLedger(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, BureauClock bureau,
            WorkingDays workingDays, EvidenceStore evidence) {
        this.bureau = bureau;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.workingDays = workingDays;
        this.evidence = evidence;
    }

    public LocalDate today() {
        return bureau.today();
    }

    /** Whether the signed-in user may see confidential clues. */
    public static boolean mayReadConfidential() {
        return CurrentUser.get().map(u -> u.can(CONFIDENTIAL)).orElse(false);
    }

    // ---- queries
    // ----------------------------------------------------------------------------------------

    private record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The text free-text search ({@code q}) reads: the expression of the trigram index
     * (V26), word for word.
     */
    static final String SEARCHED_TEXT = "(p.reference || ' ' || p.description)";

    static final String RECTIFICATION_STATUSES = " and p.status in ('CONFIRMED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'SIGNED_OFF')";

    private Where where(ProblemFilter f, DataScope scope, boolean rectificationsOnly) {
        StringBuilder sql = new StringBuilder(rectificationsOnly
                ? " from problem p left join rectification r on r.problem_id = p.id" : " from problem p");
        sql.append(" where (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))");
        if (rectificationsOnly) {
            sql.append(RECTIFICATION_STATUSES);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        if (!mayReadConfidential()) {
            sql.append(" and not p.confidential");
        }
        if (f.campaign() != null) {
            sql.append(" and p.campaign_id = :campaign");
            params.put("campaign", f.campaign());
        }
        if (f.category() != null) {
            sql.append(" and p.category = :category");
            params.put("category", f.category().name());
        }
        if (f.item() != null && !f.item().isBlank()) {
            sql.append(" and p.item_code = :item");
            params.put("item", f.item());
        }
        if (f.source() != null) {
            sql.append(" and p.source = :source");
            params.put("source", f.source().name());
        }
        if (f.unit() != null) {
            sql.append(" and (p.unit_id = :unit or p.assigned_unit_id = :unit)");
            params.put("unit", f.unit());
        }
        if (f.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", f.status().name());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and p.due_on < :today and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')");
            params.put("today", Date.valueOf(today()));
        }
        if (f.from() != null) {
            sql.append(" and p.found_on >= :from");
            params.put("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and p.found_on <= :to");
            params.put("to", Date.valueOf(f.to()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            // Exactly the expression of the trigram index problem_text_trgm_idx (V26).
            // The index serves searches
            // holding a run of three or more letters or digits; shorter ones (most 1-2
            // character Chinese words)
            // are answered by reading the list in order and filtering, see docs/ledger.md
            // "Measured".
            // A search without letters that have case (Chinese words, numbers) is the
            // same under like and ilike;
            // like compares bytes, while ilike lower-cases every row first: 2-3x slower
            // on a scan of Chinese text.
            String q = f.q().trim();
            sql.append(" and ").append(SEARCHED_TEXT).append(hasCase(q) ? " ilike :q" : " like :q");
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql.toString(), params);
    }

    private static boolean hasCase(String text) {
        return text.codePoints().anyMatch(c -> Character.toLowerCase(c) != c || Character.toUpperCase(c) != c);
    }

    @Transactional(readOnly = true)
    public Page<Problem> list(ProblemFilter f, DataScope scope) {
        return page(f, scope, false);
    }

    /** The rectification ledger: the confirmed problems and their rectification. */
    @Transactional(readOnly = true)
    public Page<Problem> listRectifications(ProblemFilter f, DataScope scope) {
        return page(f, scope, true);
    }

    private Page<Problem> page(ProblemFilter f, DataScope scope, boolean rectificationsOnly) {
        Where w = where(f, scope, rectificationsOnly);
        planForTheseValues();
        long total = jdbc.sql(countSql(w)).params(w.params()).query(Long.class).single();
        List<Problem> rows = jdbc.sql(pageSql(f, w, total))
            .params(w.params())
            .param("limit", f.sizeOrDefault())
            .param("offset", (long) f.pageOrFirst() * f.sizeOrDefault())
            .query(ProblemLedger::map)
            .list();
        return new Page<>(rows, total, f.pageOrFirst(), f.sizeOrDefault());
    }

    /**
     * The right plan of a list query depends on the values: a common word is best found
     * by reading the list in order until the page is full, a rare one through the trigram
     * index. The JDBC driver prepares a statement on the server after a few executions,
     * and PostgreSQL may then keep one generic plan for every value — measured at 100,000
     * problems, 335 ms instead of 8 ms for a common word and 1.2 s instead of 0.3 s for a
     * rare short one. Planning anew costs well under a millisecond. Only for this
     * (read-only) transaction.
     */
    private void planForTheseValues() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /**
     * Counting a whole large ledger costs more than the page itself: count up to a cap,
     * show "more than".
     */
    private static String countSql(Where w) {
        return "select count(*) from (select 1" + w.sql() + " limit " + (Page.COUNT_CAP + 1) + ") c";
    }

    /**
     * At most this many matches: fetch them all and sort, rather than read the list in
     * order to find them.
     */
    static final int FEW_MATCHES = 1_000;

    /**
     * The page. The planner guesses how many rows a search matches, and for a rare word
     * it may guess wrong and read the list in order looking for 25 matches among 100,000
     * rows (153 ms measured, instead of 0.6 ms through the trigram index). The count,
     * made first, tells how many there are: when they are few, the subquery (kept apart
     * by {@code offset 0}) fetches them by the best index for the filter alone, and only
     * they are sorted.
     */
    private static String pageSql(ProblemFilter f, Where w, long total) {
        String matches = "select p.*" + w.sql();
        String from = total <= FEW_MATCHES ? "select * from (" + matches + " offset 0) p" : matches;
        return from + " order by " + f.orderBy() + " limit :limit offset :offset";
    }

    /**
     * EXPLAIN ANALYZE of the list's count and page queries, as {@link #list} runs them
     * (for the benchmark).
     */
    @Transactional(readOnly = true)
    List<String> explainList(ProblemFilter f, DataScope scope) {
        Where w = where(f, scope, false);
        planForTheseValues();
        long total = jdbc.sql(countSql(w)).params(w.params()).query(Long.class).single();
        List<String> plans = new java.util.ArrayList<>();
        for (String sql : List.of(countSql(w), pageSql(f, w, total))) {
            plans.addAll(jdbc.sql("explain (analyze, costs off) " + sql)
                .params(w.params())
                .param("limit", f.sizeOrDefault())
                .param("offset", (long) f.pageOrFirst() * f.sizeOrDefault())
                .query(String.class)
                .list());
        }
        return plans;
    }

    /**
     * Streams every matching row (for the export), in list order, without holding them
     * all in memory.
     */
    @Transactional(readOnly = true)
    public void forEach(ProblemFilter f, DataScope scope, boolean rectificationsOnly,
            java.util.function.BiConsumer<Problem, ResultSet> each) {
        Where w = where(f, scope, rectificationsOnly);
        String columns = rectificationsOnly ? "select p.*, r.responsible_unit_id, r.responsible_person, "
                + "r.deadline as r_deadline, r.completion_note, r.verified_by, r.signed_off_by, "
                + "(select string_agg(m.text, '; ' order by m.sort) from rectification_measure m "
                + "where m.problem_id = p.id) as measures" : "select p.*";
        jdbc.sql(columns + w.sql() + " order by " + f.orderBy()).params(w.params()).withFetchSize(500).query(rs -> {
            each.accept(map(rs, 0), rs);
        });
    }

    @Transactional(readOnly = true)
    public Problem get(UUID id, DataScope scope) {
        Problem p = jdbc.sql("""
                select p.* from problem p
                where p.id = :id and (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))
                """)
            .param("id", id)
            .param("units", scope.unitArray())
            .query(ProblemLedger::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("problem " + id));
        if (p.confidential() && !mayReadConfidential()) {
            throw new NotFoundException("problem " + id);
        }
        return p;
    }

    /** The problem with this reference number, under the same rules as {@link #get}. */
    @Transactional(readOnly = true)
    public java.util.Optional<Problem> findByReference(String reference, DataScope scope) {
        return jdbc.sql("select id from problem where reference = :ref")
            .param("ref", reference == null ? "" : reference.strip())
            .query(UUID.class)
            .optional()
            .flatMap(id -> {
                try {
                    return java.util.Optional.of(get(id, scope));
                }
                catch (NotFoundException outOfScope) {
                    return java.util.Optional.empty();
                }
            });
    }

    public record ChangeRow(java.time.LocalDateTime at, String actor, String action, String field, String oldValue,
            String newValue) {
    }

    @Transactional(readOnly = true)
    public List<ChangeRow> history(UUID id) {
        return jdbc.sql("select * from problem_change where problem_id = :id order by id")
            .param("id", id)
            .query((rs, n) -> new ChangeRow(
                    java.time.LocalDateTime.ofInstant(rs.getTimestamp("at").toInstant(), bureau.zone()),
                    rs.getString("actor"), rs.getString("action"), rs.getString("field"), rs.getString("old_value"),
                    rs.getString("new_value")))
            .list();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Rectification> rectification(UUID id) {
        List<Rectification.Measure> measures = jdbc
            .sql("select * from rectification_measure where problem_id = :id order by sort, deadline")
            .param("id", id)
            .query((rs, n) -> new Rectification.Measure(rs.getObject("id", UUID.class), rs.getString("text"),
                    rs.getString("owner"), rs.getDate("deadline").toLocalDate(),
                    rs.getDate("done_on") == null ? null : rs.getDate("done_on").toLocalDate()))
            .list();
        return jdbc.sql("select * from rectification where problem_id = :id").param("id", id).query((rs, n) -> {
            Date completed = rs.getDate("completed_on");
            Timestamp verified = rs.getTimestamp("verified_at");
            Timestamp signed = rs.getTimestamp("signed_off_at");
            return new Rectification(id, rs.getObject("responsible_unit_id", UUID.class),
                    rs.getString("responsible_person"), rs.getDate("deadline").toLocalDate(),
                    rs.getString("completion_note"), completed == null ? null : completed.toLocalDate(),
                    rs.getString("verified_by"), verified == null ? null : verified.toInstant(),
                    rs.getString("verification_opinion"), rs.getString("signed_off_by"),
                    signed == null ? null : signed.toInstant(), measures);
        }).optional();
    }

    public record ItemRow(String code, ProblemCategory category, String name) {
    }

    @Transactional(readOnly = true)
    public List<ItemRow> items() {
        return jdbc.sql("select * from problem_item order by category, sort, code")
            .query((rs, n) -> new ItemRow(rs.getString("code"), ProblemCategory.valueOf(rs.getString("category")),
                    rs.getString("name")))
            .list();
    }

    // ---- actions
    // ------------------------------------------------------------------------------------------

    @Transactional
    public void assign(UUID id, long version, UUID toUnit, int workingDaysLimit, DataScope scope) {
        Problem p = get(id, scope);
        if (toUnit != null && !scope.includes(toUnit)) {
            throw new BusinessRuleViolation("problem.assign.unitOutOfScope");
        }
        LocalDate today = today();
        LocalDate due = workingDaysLimit >= 1 && workingDaysLimit <= 90 ? workingDays.add(today, workingDaysLimit)
                : today;
        apply(p, version, p.assign(toUnit, workingDaysLimit, due, today, CurrentUser.actor()), Map.of(), null);
    }

    @Transactional
    public void startVerification(UUID id, long version, DataScope scope) {
        Problem p = get(id, scope);
        apply(p, version, p.startVerification(), Map.of(), null);
    }

    @Transactional
    public void decide(UUID id, long version, boolean confirmed, String reasons, DataScope scope) {
        Problem p = get(id, scope);
        apply(p, version, confirmed ? p.confirm(reasons) : p.dismiss(reasons), Map.of(), null);
    }

    public record Plan(UUID responsibleUnitId, String responsiblePerson, LocalDate deadline) {
    }

    /**
     * Sets up the rectification (responsible unit and person, deadline) and starts it.
     */
    @Transactional
    public void startRectification(UUID id, long version, Plan plan, DataScope scope) {
        Problem p = get(id, scope);
        boolean complete = plan != null && plan.responsibleUnitId() != null && plan.deadline() != null
                && plan.responsiblePerson() != null && !plan.responsiblePerson().isBlank();
        Problem.Change change = p.startRectification(complete);
        if (!scope.includes(plan.responsibleUnitId())) {
            throw new BusinessRuleViolation("problem.assign.unitOutOfScope");
        }
        if (plan.deadline().isBefore(today())) {
            throw new BusinessRuleViolation("rectification.deadlinePast");
        }
        Map<String, Object> planned = new LinkedHashMap<>();
        planned.put("responsible_person", plan.responsiblePerson().trim());
        planned.put("deadline", plan.deadline());
        apply(p, version, change, planned, () -> {
            jdbc.sql("""
                    insert into rectification (problem_id, responsible_unit_id, responsible_person, deadline)
                    values (:id, :unit, :person, :deadline)
                    on conflict (problem_id) do update set responsible_unit_id = excluded.responsible_unit_id,
                        responsible_person = excluded.responsible_person, deadline = excluded.deadline,
                        verified_by = null, verified_at = null, signed_off_by = null, signed_off_at = null
                    """)
                .param("id", id)
                .param("unit", plan.responsibleUnitId())
                .param("person", plan.responsiblePerson().trim())
                .param("deadline", Date.valueOf(plan.deadline()))
                .update();
        });
    }

    /**
     * A measure of the rectification; allowed while rectifying. Bumps the problem's
     * version.
     */
    @Transactional
    public void addMeasure(UUID id, long version, String text, String owner, LocalDate deadline, DataScope scope) {
        Problem p = get(id, scope);
        if (p.status() != ProblemStatus.RECTIFYING) {
            throw new BusinessRuleViolation("problem.transition.illegal", "measure", p.status().name());
        }
        if (text == null || text.isBlank() || owner == null || owner.isBlank() || deadline == null) {
            throw new BusinessRuleViolation("measure.incomplete");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("measure", text.trim());
        values.put("owner", owner.trim());
        values.put("deadline", deadline);
        apply(p, version, new Problem.Change("measure", p.status(), Map.of()), values,
                () -> jdbc.sql("""
                        insert into rectification_measure (id, problem_id, text, owner, deadline, sort)
                        values (:mid, :id, :text, :owner, :deadline,
                                (select count(*) from rectification_measure where problem_id = :id))
                        """)
                    .param("mid", UUID.randomUUID())
                    .param("id", id)
                    .param("text", text.trim())
                    .param("owner", owner.trim())
                    .param("deadline", Date.valueOf(deadline))
                    .update());
    }

    /**
     * Adds an evidence file (clue evidence at any time, completion evidence while
     * rectifying).
     */
    @Transactional
    public UUID addEvidence(UUID id, long version, EvidenceStore.Purpose purpose, String fileName, byte[] content,
            DataScope scope) {
        Problem p = get(id, scope);
        if (purpose == EvidenceStore.Purpose.RECTIFICATION && p.status() != ProblemStatus.RECTIFYING) {
            throw new BusinessRuleViolation("problem.transition.illegal", "evidence", p.status().name());
        }
        if (p.status().closed()) {
            throw new BusinessRuleViolation("problem.transition.illegal", "evidence", p.status().name());
        }
        UUID[] fileId = new UUID[1];
        apply(p, version, new Problem.Change("evidence", p.status(), Map.of()),
                Map.of("file", String.valueOf(fileName)),
                () -> fileId[0] = evidence.store(id, purpose, fileName, content));
        return fileId[0];
    }

    @Transactional
    public void reportRectified(UUID id, long version, String note, DataScope scope) {
        Problem p = get(id, scope);
        Problem.Change change = p.reportRectified(measureCount(id),
                evidence.count(id, EvidenceStore.Purpose.RECTIFICATION));
        apply(p, version, change, Map.of("completion_note", note == null ? "" : note.trim()),
                () -> jdbc
                    .sql("update rectification set completion_note = :note, completed_on = :on where problem_id = :id")
                    .param("note", note)
                    .param("on", Date.valueOf(today()))
                    .param("id", id)
                    .update());
    }

    @Transactional
    public void checkRectification(UUID id, long version, boolean passed, String opinion, DataScope scope) {
        Problem p = get(id, scope);
        Problem.Change change = p.checkRectification(passed, opinion);
        apply(p, version, change, Map.of(),
                () -> jdbc.sql("""
                        update rectification set verification_opinion = :opinion,
                               verified_by = :by, verified_at = :at where problem_id = :id
                        """)
                    .param("opinion", change.value(Problem.Field.CHECK_OPINION))
                    .param("by", passed ? CurrentUser.actor() : null)
                    .param("at", passed ? Timestamp.from(clock.instant()) : null)
                    .param("id", id)
                    .update());
    }

    @Transactional
    public void signOff(UUID id, long version, DataScope scope) {
        Problem p = get(id, scope);
        boolean verified = jdbc
            .sql("select count(*) from rectification where problem_id = :id and verified_by is not null")
            .param("id", id)
            .query(Integer.class)
            .single() > 0;
        Problem.Change change = p.signOff(evidence.count(id, EvidenceStore.Purpose.RECTIFICATION), verified);
        apply(p, version, change, Map.of(),
                () -> jdbc
                    .sql("update rectification set signed_off_by = :by, signed_off_at = :at where problem_id = :id")
                    .param("by", CurrentUser.actor())
                    .param("at", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update());
    }

    @Transactional
    public void reopen(UUID id, long version, String reason, DataScope scope) {
        Problem p = get(id, scope);
        Problem.Change change = p.reopen(reason);
        apply(p, version, change, Map.of(),
                () -> jdbc
                    .sql("update rectification set verified_by = null, verified_at = null, signed_off_by = null, "
                            + "signed_off_at = null where problem_id = :id")
                    .param("id", id)
                    .update());
    }

    /** 举一反三: records the root cause of a confirmed problem. */
    @Transactional
    public void setRootCause(UUID id, long version, RootCause cause, String note, DataScope scope) {
        Problem p = get(id, scope);
        apply(p, version, p.rootCause(cause, note), Map.of(), null);
    }

    /** The root cause and its note, if recorded. */
    public record Cause(RootCause cause, String note) {
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Cause> rootCause(UUID id) {
        return jdbc.sql("select root_cause, root_cause_note from problem where id = :id and root_cause is not null")
            .param("id", id)
            .query((rs, n) -> new Cause(RootCause.valueOf(rs.getString("root_cause")), rs.getString("root_cause_note")))
            .optional();
    }

    /** A problem related to another, with the reasons (message keys) that relate them. */
    public record Related(UUID id, String reference, ProblemStatus status, String description, boolean confidential,
            List<String> reasons) {
    }

    /**
     * The cluster around a problem (举一反三): other problems in scope of the same unit, of
     * the same item, naming one of the same officers, or found at the same place
     * (compared without regard to case and surrounding spaces). Computed from the ledger,
     * so a new problem joins its cluster without anyone linking it.
     */
    @Transactional(readOnly = true)
    public List<Related> related(Problem p, DataScope scope) {
        List<String> names = officerNames(p.officers());
        String[] patterns = names.stream()
            .map(n -> "%" + n.replace("%", "\\%").replace("_", "\\_") + "%")
            .toArray(String[]::new);
        return jdbc.sql("""
                select id, reference, status, description, confidential, unit_id = :unit as same_unit,
                       item_code is not null and item_code = :item as same_item,
                       officers is not null and officers ilike any(cast(:patterns as text[])) as same_officer,
                       location is not null and lower(trim(location)) = lower(trim(:location)) as same_place
                from problem
                where id <> :id and (unit_id = any(:units) or assigned_unit_id = any(:units))
                  and (not confidential or :confidential)
                  and (unit_id = :unit or (item_code is not null and item_code = :item)
                       or (officers is not null and officers ilike any(cast(:patterns as text[])))
                       or (location is not null and lower(trim(location)) = lower(trim(:location))))
                order by (unit_id = :unit and item_code is not distinct from :item) desc, found_on desc, reference
                limit 30
                """)
            .param("id", p.id())
            .param("unit", p.unitId())
            .param("item", p.itemCode())
            .param("patterns", patterns)
            .param("location", p.location() == null ? "" : p.location())
            .param("units", scope.unitArray())
            .param("confidential", mayReadConfidential())
            .query((rs, n) -> {
                List<String> reasons = new java.util.ArrayList<>();
                if (rs.getBoolean("same_unit")) {
                    reasons.add("problem.related.unit");
                }
                if (rs.getBoolean("same_item")) {
                    reasons.add("problem.related.item");
                }
                if (rs.getBoolean("same_officer")) {
                    reasons.add("problem.related.officer");
                }
                if (rs.getBoolean("same_place")) {
                    reasons.add("problem.related.place");
                }
                return new Related(rs.getObject("id", UUID.class), rs.getString("reference"),
                        ProblemStatus.valueOf(rs.getString("status")), rs.getString("description"),
                        rs.getBoolean("confidential"), List.copyOf(reasons));
            })
            .list();
    }

    /** "王某、李某（一中队执法辅助人员）" → 王某, 李某: names without the roles in brackets. */
    static List<String> officerNames(String officers) {
        if (officers == null || officers.isBlank()) {
            return List.of();
        }
        return java.util.Arrays
            .stream(officers.replaceAll("[\uff08(][^\uff09)]*[\uff09)]", "").split("[,\uff0c\u3001;\uff1b\\s]+"))
            .map(String::strip)
            .filter(n -> n.length() >= 2)
            .distinct()
            .toList();
    }

    int measureCount(UUID id) {
        return jdbc.sql("select count(*) from rectification_measure where problem_id = :id")
            .param("id", id)
            .query(Integer.class)
            .single();
    }

    /**
     * Persists one action: the status and the columns of the fields it sets, guarded by
     * the version the user saw; then the timeline rows and the audit event.
     * {@code alsoRecorded} are what the ledger itself adds to the history (a measure, a
     * file, the plan), after the action's own fields. {@code alsoDo} runs after the
     * guarded update, in the same transaction.
     */
    private void apply(Problem p, long version, Problem.Change change, Map<String, Object> alsoRecorded,
            Runnable alsoDo) {
        Map<String, Object> columns = new LinkedHashMap<>();
        change.values().forEach((field, value) -> {
            if (COLUMNS.containsKey(field)) {
                columns.put(COLUMNS.get(field), column(value));
            }
        });
        StringBuilder sql = new StringBuilder(
                "update problem set status = :status, version = version + 1, " + "updated_by = :by, updated_at = :at");
        columns.keySet().forEach(c -> sql.append(", ").append(c).append(" = :").append(c));
        sql.append(" where id = :id and version = :version");
        var statement = jdbc.sql(sql.toString())
            .param("status", change.to().name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", p.id())
            .param("version", version);
        for (var e : columns.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        if (statement.update() == 0) {
            throw stale(p.id());
        }
        if (alsoDo != null) {
            alsoDo.run();
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (change.to() != p.status()) {
            before.put("status", p.status().name());
            after.put("status", change.to().name());
        }
        change.values().forEach((field, value) -> {
            before.put(historyName(field), oldValue(p, field));
            after.put(historyName(field), value);
        });
        alsoRecorded.forEach((name, value) -> {
            before.put(name, null);
            after.put(name, value);
        });
        Instant at = clock.instant();
        String actor = CurrentUser.actor();
        if (after.isEmpty()) {
            record(p.id(), at, actor, change.action(), null, null, null);
        }
        after.forEach((k, v) -> record(p.id(), at, actor, change.action(), k,
                before.get(k) == null ? null : String.valueOf(before.get(k)), v == null ? null : String.valueOf(v)));
        events.publishEvent(AuditEvent.change("problem." + change.action(), "problem", p.id(), before, after));
        if (change.to() != p.status()) {
            UUID assigned = change.values().containsKey(Problem.Field.ASSIGNED_UNIT)
                    ? (UUID) change.value(Problem.Field.ASSIGNED_UNIT) : p.assignedUnitId();
            UUID responsible = jdbc.sql("select responsible_unit_id from rectification where problem_id = :id")
                .param("id", p.id())
                .query(UUID.class)
                .optional()
                .orElse(null);
            events.publishEvent(new ProblemTransitioned(UUID.randomUUID(), p.id(), p.reference(), change.action(),
                    p.status(), change.to(), p.unitId(), assigned, responsible, p.confidential(), actor, at));
        }
    }

    /** A domain value as the database takes it. */
    private static Object column(Object value) {
        if (value instanceof LocalDate day) {
            return Date.valueOf(day);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    private static Object oldValue(Problem p, Problem.Field field) {
        return switch (field) {
            case ASSIGNED_UNIT -> p.assignedUnitId();
            case ASSIGNED_BY -> p.assignedBy();
            case ASSIGNED_ON -> p.assignedOn();
            case TIME_LIMIT -> p.limitDays();
            case DUE_ON -> p.dueOn();
            case FINDING -> p.finding();
            case REOPEN_COUNT -> p.reopenCount();
            case CHECK_OPINION, REOPEN_REASON, ROOT_CAUSE, ROOT_CAUSE_NOTE -> null;
        };
    }

    void record(UUID problemId, Instant at, String actor, String action, String field, String oldValue,
            String newValue) {
        jdbc.sql("""
                insert into problem_change (problem_id, at, actor, action, field, old_value, new_value)
                values (:p, :at, :actor, :action, :field, :old, :new)
                """)
            .param("p", problemId)
            .param("at", Timestamp.from(at))
            .param("actor", actor)
            .param("action", action)
            .param("field", field)
            .param("old", oldValue)
            .param("new", newValue)
            .update();
    }

    private StaleEditException stale(UUID id) {
        Map<String, Object> row = jdbc.sql("select updated_by, updated_at from problem where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        Timestamp at = (Timestamp) row.get("updated_at");
        return new StaleEditException("problem " + id, (String) row.get("updated_by"),
                at == null ? null : at.toInstant());
    }

    static Problem map(ResultSet rs, int n) throws SQLException {
        Date assignedOn = rs.getDate("assigned_on");
        Date due = rs.getDate("due_on");
        Timestamp updated = rs.getTimestamp("updated_at");
        int limit = rs.getInt("limit_days");
        Integer limitDays = rs.wasNull() ? null : limit;
        return new Problem(rs.getObject("id", UUID.class), rs.getString("reference"),
                rs.getObject("campaign_id", UUID.class), ProblemSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"), ProblemCategory.valueOf(rs.getString("category")),
                rs.getString("item_code"), rs.getObject("unit_id", UUID.class), rs.getString("officers"),
                rs.getString("description"), rs.getDate("found_on").toLocalDate(), rs.getBoolean("confidential"),
                ProblemStatus.valueOf(rs.getString("status")), rs.getObject("assigned_unit_id", UUID.class),
                rs.getString("assigned_by"), assignedOn == null ? null : assignedOn.toLocalDate(), limitDays,
                due == null ? null : due.toLocalDate(), rs.getString("finding"), rs.getInt("reopen_count"),
                rs.getLong("version"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("updated_by"), updated == null ? null : updated.toInstant(), rs.getString("location"));
    }

}

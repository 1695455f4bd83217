package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.SpreadsheetText;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Findings of screening runs: listing with filters, explanation in the reader's language,
 * the cases behind each, decisions (dismiss with a reason, turned into a problem) and the
 * {@code findings.csv} export. Visibility: the reader's data scope by the finding's unit;
 * findings naming an officer need {@code screening:finding:confidential}.
 */
@Service
public class Findings {

    static final String CONFIDENTIAL = "screening:finding:confidential";
    static final String RUN_ALL = "screening:run:start";

    /**
     * Who reads: the units, whether officer findings and findings of unmatched agencies
     * are visible.
     */
    public record Reader(DataScope scope, boolean confidential, boolean unscoped) {
        public static Reader of(DubanUser user, DataScope scope) {
            return new Reader(scope, user.can(CONFIDENTIAL), user.can(RUN_ALL) || user.can("screening:data:read"));
        }
    }

    /** Filters of the findings page; null = any. */
    public record Query(String category, String rule, String severity, UUID unitId, String officer, LocalDate from,
            LocalDate to, String status, UUID runId) {
    }

    public record Finding(UUID id, UUID runId, String rule, String category, String subjectType, String subjectId,
            String severity, String explainKey, String[] args, UUID unitId, String officer, LocalDate period,
            String status, String dismissReason, String decidedBy, Instant decidedAt, String problemRef, long version,
            int caseCount, Long[] caseIds, List<Group> groups) {

        Long[] caseIdArray() {
            return caseIds;
        }

        public boolean aboutOfficer() {
            return officer != null;
        }
    }

    /**
     * One group of a subject finding found in several groups: its own severity, figures
     * and number of cases.
     */
    public record Group(String severity, String explainKey, String[] args, int caseCount) {
    }

    /** A case as shown on screen: the party's identity number masked. */
    public record Case(long id, String agency, String caseNo, UUID unitId, String squad, LocalDate filedOn,
            LocalDate decidedOn, String procedure, String violationCode, String violation, String circumstance,
            Boolean firstOffence, String partyType, String partyName, String partyIdMasked, String plate, Integer axles,
            Integer grossKg, Integer limitKg, Integer unloadedKg, BigDecimal fine, BigDecimal confiscated,
            String payment, String receiptNo, Boolean rightsNotified, Boolean hearingNotified, String officer1,
            String officer2, String location, String facts, String status, String exemptionNote, long version,
            int historyCount) {
    }

    private static final String VISIBLE = """
            (f.unit_id = any(:units) or (f.unit_id is null and :unscoped)) and (f.officer is null or :confidential)
            """;

    private final JdbcClient jdbc;

    private final MessageSource messages;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Findings(JdbcClient jdbc, MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<UUID> latestRun() {
        return jdbc.sql("select id from screening_run where status = 'DONE' order by started_at desc limit 1")
            .query(UUID.class)
            .optional();
    }

    /** Filters of the findings list; the parameters are bound by {@link #filtered}. */
    private static final String FILTER = """
             and (:category::text is null or f.category = :category)
             and (:rule::text is null or f.rule = :rule)
             and (:severity::text is null or f.severity = :severity)
             and (:unit::uuid is null or f.unit_id = :unit)
             and (:officer::text is null or f.officer = :officer)
             and (:from::date is null or f.period >= :from)
             and (:to::date is null or f.period <= :to)
             and (:status::text is null or f.status = :status)
            """;

    @Transactional(readOnly = true)
    public List<Finding> list(Query q, Reader reader, int limit) {
        return list(q, reader, limit, 0);
    }

    /**
     * The findings of the latest run (or the query's) that match, gravest first,
     * {@code limit} from {@code offset}.
     */
    @Transactional(readOnly = true)
    public List<Finding> list(Query q, Reader reader, int limit, int offset) {
        UUID run = q.runId() != null ? q.runId() : latestRun().orElse(null);
        if (run == null) {
            return List.of();
        }
        return filtered(
                "select f.*, cardinality(f.case_ids) as case_count from screening_finding f where f.run_id = :run and "
                        + VISIBLE + FILTER
                        + """
                                order by case f.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, f.rule, f.subject_id
                                limit :limit offset :offset
                                """,
                q, reader, run)
            .param("limit", limit)
            .param("offset", offset)
            .query(Findings::map)
            .list();
    }

    /** How many findings {@link #list} would give without a limit. */
    @Transactional(readOnly = true)
    public long count(Query q, Reader reader) {
        UUID run = q.runId() != null ? q.runId() : latestRun().orElse(null);
        if (run == null) {
            return 0;
        }
        return filtered("select count(*) from screening_finding f where f.run_id = :run and " + VISIBLE + FILTER, q,
                reader, run)
            .query(Long.class)
            .single();
    }

    private JdbcClient.StatementSpec filtered(String sql, Query q, Reader reader, UUID run) {
        return jdbc.sql(sql)
            .param("run", run)
            .params(visibility(reader))
            .param("category", blank(q.category()))
            .param("rule", blank(q.rule()))
            .param("severity", blank(q.severity()))
            .param("unit", q.unitId())
            .param("officer", blank(q.officer()))
            .param("from", q.from() == null ? null : Date.valueOf(q.from()))
            .param("to", q.to() == null ? null : Date.valueOf(q.to()))
            .param("status", blank(q.status()));
    }

    @Transactional(readOnly = true)
    public Finding get(UUID id, Reader reader) {
        return jdbc
            .sql("select f.*, cardinality(f.case_ids) as case_count from screening_finding f where f.id = :id and "
                    + VISIBLE)
            .param("id", id)
            .params(visibility(reader))
            .query(Findings::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("finding " + id));
    }

    /**
     * The explanation: of a subject found in several groups, the number of groups and
     * each group's figures.
     */
    public String explain(Finding f, Locale locale) {
        if (f.groups().isEmpty()) {
            return explain(f.explainKey(), f.args(), locale);
        }
        StringBuilder text = new StringBuilder(
                messages.getMessage("screening.explain.groups", new Object[] { f.groups().size() }, locale));
        for (String group : explainGroups(f, locale)) {
            text.append(' ').append(group);
        }
        return text.toString();
    }

    /**
     * Each group's explanation, in the order of the finding's groups (most severe first).
     */
    public List<String> explainGroups(Finding f, Locale locale) {
        return f.groups().stream().map(g -> explain(g.explainKey(), g.args(), locale)).toList();
    }

    private String explain(String key, String[] values, Locale locale) {
        Object[] args = new Object[values.length];
        for (int i = 0; i < args.length; i++) {
            String a = values[i];
            // Circumstance codes read as words in the sentence (轻微, not MINOR).
            args[i] = a != null && CIRCUMSTANCES.contains(a)
                    ? messages.getMessage("screening.circumstance." + a, null, a, locale) : a;
        }
        return messages.getMessage(key, args, key, locale);
    }

    private static final java.util.Set<String> CIRCUMSTANCES = java.util.Set.of("MINOR", "GENERAL", "SERIOUS", "GRAVE");

    @Transactional(readOnly = true)
    public List<Case> cases(Finding f, int limit) {
        return jdbc.sql("""
                select c.*, (select count(*) from screening_case_history h where h.case_id = c.id) as history_count
                from screening_case c where c.id = any(:ids) order by c.decided_on, c.case_no limit :limit
                """).param("ids", f.caseIdArray()).param("limit", limit).query(Findings::mapCase).list();
    }

    /** A case by id, if the reader's scope covers its unit. */
    @Transactional(readOnly = true)
    public Case caseOf(long id, Reader reader) {
        return jdbc
            .sql("""
                    select c.*, (select count(*) from screening_case_history h where h.case_id = c.id) as history_count
                    from screening_case c where c.id = :id and (c.unit_id = any(:units) or (c.unit_id is null and :unscoped))
                    """)
            .param("id", id)
            .params(visibility(reader))
            .query(Findings::mapCase)
            .optional()
            .orElseThrow(() -> new NotFoundException("case " + id));
    }

    @Transactional(readOnly = true)
    public List<Finding> findingsOfCase(long caseId, Reader reader) {
        UUID run = latestRun().orElse(null);
        return jdbc
            .sql("select f.*, cardinality(f.case_ids) as case_count from screening_finding f "
                    + "where f.run_id = :run and :case = any(f.case_ids) and " + VISIBLE + " order by f.rule")
            .param("run", run)
            .param("case", caseId)
            .params(visibility(reader))
            .query(Findings::map)
            .list();
    }

    @Transactional
    public void dismiss(UUID id, String reason, long version, Reader reader) {
        Finding f = get(id, reader);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BusinessRuleViolation("screening.finding.reasonRequired");
        }
        if (!f.status().equals("OPEN")) {
            throw new BusinessRuleViolation("screening.finding.notOpen");
        }
        decide(f, version, "DISMISSED", reason.strip(), null);
    }

    /**
     * Records that the finding became a ledger problem (its reference links both ways).
     */
    @Transactional
    public void markProblem(UUID id, String problemRef, long version, Reader reader) {
        Finding f = get(id, reader);
        if (!f.status().equals("OPEN")) {
            throw new BusinessRuleViolation("screening.finding.notOpen");
        }
        decide(f, version, "PROBLEM", null, problemRef);
    }

    private void decide(Finding f, long version, String status, String reason, String problemRef) {
        int updated = jdbc.sql("""
                update screening_finding set status = :status, dismiss_reason = :reason, problem_ref = :ref,
                       decided_by = :by, decided_at = :at, version = version + 1
                where id = :id and version = :version
                """)
            .param("status", status)
            .param("reason", reason)
            .param("ref", problemRef)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", f.id())
            .param("version", version)
            .update();
        if (updated == 0) {
            throw new StaleEditException("finding " + f.id(), f.decidedBy() == null ? "-" : f.decidedBy(),
                    f.decidedAt() == null ? clock.instant() : f.decidedAt());
        }
        events.publishEvent(AuditEvent.change("screening.finding." + status.toLowerCase(Locale.ROOT),
                "screening_finding", f.id(), Map.of("status", f.status()),
                reason == null ? Map.of("status", status, "problem", String.valueOf(problemRef))
                        : Map.of("status", status, "reason", reason)));
    }

    /** Findings counted by month and category, and by month and unit, for the charts. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> counts(String dimension, Reader reader) {
        UUID run = latestRun().orElse(null);
        String key = dimension.equals("unit") ? "coalesce((select u.name from org_unit u where u.id = f.unit_id), '-')"
                : "f.category";
        return jdbc
            .sql("select to_char(f.period, 'YYYY-MM') as month, " + key + " as k, count(*) as n "
                    + "from screening_finding f where f.run_id = :run and f.period is not null and " + VISIBLE
                    + " group by 1, 2 order by 1, 2")
            .param("run", run)
            .params(visibility(reader))
            .query()
            .listOfRows();
    }

    /**
     * Writes {@code findings.csv} (SCREENING.md 4) of a run, streaming from the database.
     */
    @Transactional(readOnly = true)
    public long writeCsv(UUID run, Writer out, Locale locale) throws IOException {
        out.write("subject_type,subject_id,category,rule,severity,case_nos,explanation\r\n");
        long[] n = new long[1];
        try {
            jdbc.sql("""
                    select f.*, 0 as case_count,
                           (select string_agg(c.case_no, ';' order by c.case_no) from screening_case c
                            where c.id = any(f.case_ids)) as case_nos
                    from screening_finding f where f.run_id = :run
                    order by f.subject_type, f.rule, f.subject_id
                    """).param("run", run).query(rs -> {
                Finding f = map(rs, 0);
                try {
                    out.write(String.join(",", csv(f.subjectType()), csv(SpreadsheetText.safe(f.subjectId())),
                            csv(f.category()), csv(f.rule()), csv(f.severity()), csv(rs.getString("case_nos")),
                            csv(SpreadsheetText.safe(explain(f, locale)))));
                    out.write("\r\n");
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n[0]++;
            });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n[0];
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /**
     * Shows the first 6 and last 4 characters of an identity number (GB 11643 style
     * masking).
     */
    static String mask(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        if (id.length() <= 4) {
            return "*".repeat(id.length());
        }
        int head = id.length() >= 15 ? 6 : 1;
        int tail = id.length() >= 15 ? 4 : 1;
        return id.substring(0, head) + "*".repeat(id.length() - head - tail) + id.substring(id.length() - tail);
    }

    private static Map<String, Object> visibility(Reader reader) {
        return Map.of("units", reader.scope().unitArray(), "unscoped", reader.unscoped(), "confidential",
                reader.confidential());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Finding map(ResultSet rs, int row) throws SQLException {
        Array args = rs.getArray("args");
        Timestamp decided = rs.getTimestamp("decided_at");
        Date period = rs.getDate("period");
        Array ids = rs.getArray("case_ids");
        return new Finding(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), rs.getString("rule"),
                rs.getString("category"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("severity"), rs.getString("explain_key"), (String[]) args.getArray(),
                rs.getObject("unit_id", UUID.class), rs.getString("officer"),
                period == null ? null : period.toLocalDate(), rs.getString("status"), rs.getString("dismiss_reason"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("problem_ref"),
                rs.getLong("version"), rs.getInt("case_count"), (Long[]) ids.getArray(),
                groups(rs.getString("groups")));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<Group> groups(String json) {
        if (json == null) {
            return List.of();
        }
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : JSON.readTree(json)) {
            JsonNode args = g.get("args");
            String[] values = new String[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).isNull() ? null : args.get(i).asString();
            }
            groups
                .add(new Group(g.get("severity").asString(), g.get("key").asString(), values, g.get("cases").asInt()));
        }
        return List.copyOf(groups);
    }

    static Case mapCase(ResultSet rs, int row) throws SQLException {
        Date filed = rs.getDate("filed_on");
        return new Case(rs.getLong("id"), rs.getString("agency"), rs.getString("case_no"),
                rs.getObject("unit_id", UUID.class), rs.getString("squad"), filed == null ? null : filed.toLocalDate(),
                rs.getDate("decided_on").toLocalDate(), rs.getString("procedure"), rs.getString("violation_code"),
                rs.getString("violation"), rs.getString("circumstance"), (Boolean) rs.getObject("first_offence"),
                rs.getString("party_type"), rs.getString("party_name"), mask(rs.getString("party_id")),
                rs.getString("plate"), (Integer) rs.getObject("axles"), (Integer) rs.getObject("gross_kg"),
                (Integer) rs.getObject("limit_kg"), (Integer) rs.getObject("unloaded_kg"), rs.getBigDecimal("fine"),
                rs.getBigDecimal("confiscated"), rs.getString("payment"), rs.getString("receipt_no"),
                (Boolean) rs.getObject("rights_notified"), (Boolean) rs.getObject("hearing_notified"),
                rs.getString("officer1"), rs.getString("officer2"), rs.getString("location"), rs.getString("facts"),
                rs.getString("status"), rs.getString("exemption_note"), rs.getLong("version"),
                rs.getInt("history_count"));
    }

}

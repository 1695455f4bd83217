package org.duban.ledger;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.SqlLike;
import org.duban.shared.PageOf;
import org.duban.shared.StaleEditException;
import org.springframework.context.MessageSource;
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
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Accountability and fault-tolerance cases (追责问责、容错免责). Confidential as a whole: only
 * holders of {@code ledger:accountability:read} reach these pages, and only for units in
 * their scope. The work team proposes ({@code ledger:accountability:write}); the leading
 * group decides ({@code ledger:accountability:decide}) at a named meeting: a measure, an
 * exemption on the grounds of the fault-tolerance rules, or no action.
 */
@Service
public class AccountabilityRecords {

    /**
     * One case, and the aggregate that guards its decision: a proposal is decided once;
     * the decision names the meeting and its date (not in the future) and its grounds,
     * which for a fault-tolerance exemption are the grounds of the fault-tolerance rules.
     */
    public record Entry(UUID id, UUID problemId, String problemReference, AccountabilityStatus status,
            AccountabilitySubject subject, String person, UUID unitId, AccountabilityKind proposedKind, String proposal,
            String proposedBy, AccountabilityKind kind, String grounds, LocalDate decidedOn, String decidingBody,
            String meeting, String decidedBy, long version, String createdBy) {

        /**
         * The columns a decision sets; refused with a named reason when it may not be
         * taken.
         */
        public Map<String, Object> decide(AccountabilityKind decided, String decisionGrounds, String decidingMeeting,
                LocalDate on, LocalDate today) {
            if (status != AccountabilityStatus.PROPOSED) {
                throw new BusinessRuleViolation("accountability.transition.decided");
            }
            if (decided == null) {
                throw new BusinessRuleViolation("accountability.decision.kindRequired");
            }
            if (decisionGrounds == null || decisionGrounds.isBlank()) {
                throw new BusinessRuleViolation(decided == AccountabilityKind.FAULT_TOLERANCE_EXEMPTION
                        ? "accountability.groundsRequired" : "accountability.decision.groundsRequired");
            }
            if (decidingMeeting == null || decidingMeeting.isBlank()) {
                throw new BusinessRuleViolation("accountability.decision.meetingRequired");
            }
            if (on == null) {
                throw new BusinessRuleViolation("accountability.decision.dateRequired");
            }
            if (on.isAfter(today)) {
                throw new BusinessRuleViolation("accountability.futureDate");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("kind", decided.name());
            values.put("grounds", decisionGrounds.strip());
            values.put("meeting", decidingMeeting.strip());
            values.put("decided_on", on);
            return values;
        }

        /**
         * The person's name, or for a case about a unit as a whole nothing (the unit is
         * its own column).
         */
        public String who() {
            return subject == AccountabilitySubject.PERSON ? person : null;
        }
    }

    /** A 约谈 record. */
    public record Interview(UUID id, UUID problemId, String problemReference, UUID unitId, String interviewer,
            String interviewee, LocalDate heldOn, String reason, String minutes, String followUp, String createdBy) {
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final MessageSource messages;

    AccountabilityRecords(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private static final String SELECT = """
            select a.*, p.reference from accountability_record a join problem p on p.id = a.problem_id
            where a.unit_id = any(:units)
            """;

    @Transactional(readOnly = true)
    public Page<Entry> list(AccountabilityKind kind, UUID unit, String q, int page, int size, DataScope scope) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("units", scope.unitArray());
        if (kind != null) {
            where.append(" and (a.kind = :kind or (a.status = 'PROPOSED' and a.proposed_kind = :kind))");
            params.put("kind", kind.name());
        }
        if (unit != null) {
            where.append(" and a.unit_id = :unit");
            params.put("unit", unit);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (a.person ilike :q or p.reference ilike :q)");
            params.put("q", "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from (" + SELECT + where + ") t")
            .params(params)
            .query(Long.class)
            .single();
        List<Entry> rows = jdbc
            .sql(SELECT + where + " order by a.decided_on desc nulls first, a.id limit :limit offset :offset")
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(AccountabilityRecords::map)
            .list();
        return new Page<>(rows, total, page, size);
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, java.util.function.Consumer<Entry> each) {
        jdbc.sql(SELECT + " order by a.decided_on desc, a.id")
            .param("units", scope.unitArray())
            .withFetchSize(500)
            .query(rs -> {
                each.accept(map(rs, 0));
            });
    }

    @Transactional(readOnly = true)
    public Entry get(UUID id, DataScope scope) {
        return jdbc.sql(SELECT + " and a.id = :id")
            .param("units", scope.unitArray())
            .param("id", id)
            .query(AccountabilityRecords::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("accountability " + id));
    }

    /**
     * The work team's proposal: linked to a problem in scope, about a person or a unit in
     * scope.
     */
    @Transactional
    public UUID create(AccountabilityForm form, DataScope scope) {
        if (!scope.includes(form.unitId())) {
            throw new BusinessRuleViolation("problem.unitOutOfScope");
        }
        String person = form.person() == null || form.person().isBlank() ? null : form.person().strip();
        if (form.subject() == AccountabilitySubject.PERSON && person == null) {
            throw new BusinessRuleViolation("accountability.personRequired");
        }
        UUID problemId = jdbc.sql("""
                select id from problem where reference = :ref
                and (unit_id = any(:units) or assigned_unit_id = any(:units))
                """)
            .param("ref", form.problemReference().trim())
            .param("units", scope.unitArray())
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new BusinessRuleViolation("accountability.unknownProblem"));
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into accountability_record (id, problem_id, status, subject, person, unit_id, proposed_kind,
                                                   proposal, proposed_by, proposed_at, created_by, created_at)
                values (:id, :problem, 'PROPOSED', :subject, :person, :unit, :kind, :proposal, :by, :at, :by, :at)
                """)
            .param("id", id)
            .param("problem", problemId)
            .param("subject", form.subject().name())
            .param("person", form.subject() == AccountabilitySubject.PERSON ? person : null)
            .param("unit", form.unitId())
            .param("kind", form.proposedKind().name())
            .param("proposal", form.proposal().strip())
            .param("by", CurrentUser.actor())
            .param("at", now)
            .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("problemId", problemId.toString());
        values.put("subject", form.subject().name());
        values.put("proposedKind", form.proposedKind().name());
        values.put("unitId", form.unitId().toString());
        events
            .publishEvent(AuditEvent.change("accountability.proposed", "accountability_record", id, Map.of(), values));
        events.publishEvent(new AccountabilityProposed(UUID.randomUUID(), id, form.unitId(), form.proposedKind()));
        return id;
    }

    /**
     * The leading group's decision, at a meeting on a date; the deciding body is the
     * leading group.
     */
    @Transactional
    public void decide(UUID id, AccountabilityForm.DecisionForm form, DataScope scope) {
        Entry before = get(id, scope);
        if (form.version() == null || form.version() != before.version()) {
            throw stale(id);
        }
        Map<String, Object> values = before.decide(form.kind(), form.grounds(), form.meeting(), form.decidedOn(),
                LocalDate.now(clock));
        String body = messages.getMessage("accountability.decidingBody.leadingGroup", null, Locale.SIMPLIFIED_CHINESE);
        Instant at = clock.instant();
        int n = jdbc.sql("""
                update accountability_record set status = 'DECIDED', kind = :kind, grounds = :grounds,
                       meeting = :meeting, decided_on = :on, deciding_body = :body, decided_by = :by,
                       version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version and status = 'PROPOSED'
                """)
            .param("kind", values.get("kind"))
            .param("grounds", values.get("grounds"))
            .param("meeting", values.get("meeting"))
            .param("on", Date.valueOf(form.decidedOn()))
            .param("body", body)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("version", before.version())
            .update();
        if (n == 0) {
            throw stale(id);
        }
        Map<String, Object> audit = new LinkedHashMap<>(values);
        audit.put("decided_on", form.decidedOn().toString());
        events.publishEvent(AuditEvent.change("accountability.decided", "accountability_record", id,
                Map.of("status", before.status().name()), audit));
        events.publishEvent(new AccountabilityDecided(UUID.randomUUID(), id, before.problemId(), before.unitId(),
                before.proposedKind(), form.kind(), CurrentUser.actor(), at));
    }

    /** The filters of the 约谈 list; null = any. */
    public record InterviewFilter(UUID unit, String q) {
    }

    /**
     * One page of the 约谈 records of units in scope that match, newest first, with the
     * count of all that match; the keyword is matched in the names of both sides, the
     * reason and the problem's number.
     */
    @Transactional(readOnly = true)
    public PageOf<Interview> interviews(DataScope scope, InterviewFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("unit", filter.unit());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, "select i.*, p.reference", """
                from accountability_interview i left join problem p on p.id = i.problem_id
                where i.unit_id = any(:units)
                and (cast(:unit as uuid) is null or i.unit_id = :unit)
                and (cast(:q as varchar) is null or i.interviewee ilike '%' || :q || '%'
                     or i.interviewer ilike '%' || :q || '%' or i.reason ilike '%' || :q || '%'
                     or p.reference ilike '%' || :q || '%')
                """, "order by i.held_on desc, i.id", params, AccountabilityRecords::mapInterview, page, size);
    }

    @Transactional(readOnly = true)
    public Interview interview(UUID id, DataScope scope) {
        return jdbc.sql("""
                select i.*, p.reference from accountability_interview i left join problem p on p.id = i.problem_id
                where i.unit_id = any(:units) and i.id = :id
                """)
            .param("units", scope.unitArray())
            .param("id", id)
            .query(AccountabilityRecords::mapInterview)
            .optional()
            .orElseThrow(() -> new NotFoundException("interview " + id));
    }

    /** Records a 约谈: the unit must be in scope; a problem, when named, too. */
    @Transactional
    public UUID recordInterview(InterviewForm form, DataScope scope) {
        if (!scope.includes(form.unitId())) {
            throw new BusinessRuleViolation("problem.unitOutOfScope");
        }
        if (form.heldOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("interview.futureDate");
        }
        UUID problemId = null;
        if (form.problemReference() != null && !form.problemReference().isBlank()) {
            problemId = jdbc.sql("""
                    select id from problem where reference = :ref
                    and (unit_id = any(:units) or assigned_unit_id = any(:units))
                    """)
                .param("ref", form.problemReference().trim())
                .param("units", scope.unitArray())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new BusinessRuleViolation("accountability.unknownProblem"));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into accountability_interview (id, problem_id, unit_id, interviewer, interviewee, held_on, reason,
                                                              minutes, follow_up, created_by, created_at)
                        values (:id, :problem, :unit, :interviewer, :interviewee, :on, :reason, :minutes, :followUp, :by, :at)
                        """)
            .param("id", id)
            .param("problem", problemId)
            .param("unit", form.unitId())
            .param("interviewer", form.interviewer().strip())
            .param("interviewee", form.interviewee().strip())
            .param("on", Date.valueOf(form.heldOn()))
            .param("reason", form.reason().strip())
            .param("minutes", form.minutes().strip())
            .param("followUp", form.followUp() == null || form.followUp().isBlank() ? null : form.followUp().strip())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(AuditEvent.change("accountability.interview", "accountability_interview", id, Map.of(),
                Map.of("unitId", form.unitId().toString(), "heldOn", form.heldOn().toString())));
        return id;
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from accountability_record where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("accountability " + id, rs.getString("updated_by"),
                    rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
            .single();
    }

    static Interview mapInterview(ResultSet rs, int n) throws SQLException {
        return new Interview(rs.getObject("id", UUID.class), rs.getObject("problem_id", UUID.class),
                rs.getString("reference"), rs.getObject("unit_id", UUID.class), rs.getString("interviewer"),
                rs.getString("interviewee"), rs.getDate("held_on").toLocalDate(), rs.getString("reason"),
                rs.getString("minutes"), rs.getString("follow_up"), rs.getString("created_by"));
    }

    static Entry map(ResultSet rs, int n) throws SQLException {
        Date decided = rs.getDate("decided_on");
        String kind = rs.getString("kind");
        String proposed = rs.getString("proposed_kind");
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("problem_id", UUID.class),
                rs.getString("reference"), AccountabilityStatus.valueOf(rs.getString("status")),
                AccountabilitySubject.valueOf(rs.getString("subject")), rs.getString("person"),
                rs.getObject("unit_id", UUID.class), proposed == null ? null : AccountabilityKind.valueOf(proposed),
                rs.getString("proposal"), rs.getString("proposed_by"),
                kind == null ? null : AccountabilityKind.valueOf(kind), rs.getString("grounds"),
                decided == null ? null : decided.toLocalDate(), rs.getString("deciding_body"), rs.getString("meeting"),
                rs.getString("decided_by"), rs.getLong("version"), rs.getString("created_by"));
    }

}

package org.duban.ledger;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accountability and fault-tolerance records (追责问责、容错免责). Confidential as a whole: only holders of
 * {@code ledger:accountability:read} reach these pages, and only for units in their scope. A fault-tolerance
 * exemption must state its grounds.
 */
@Service
public class AccountabilityRecords {

    public record Entry(UUID id, UUID problemId, String problemReference, String person, UUID unitId,
                        AccountabilityKind kind, String grounds, LocalDate decidedOn, String decidingBody,
                        String createdBy) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountabilityRecords(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
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
            where.append(" and a.kind = :kind");
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
        long total = jdbc.sql("select count(*) from (" + SELECT + where + ") t").params(params)
                .query(Long.class).single();
        List<Entry> rows = jdbc.sql(SELECT + where + " order by a.decided_on desc, a.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(AccountabilityRecords::map).list();
        return new Page<>(rows, total, page, size);
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, java.util.function.Consumer<Entry> each) {
        jdbc.sql(SELECT + " order by a.decided_on desc, a.id").param("units", scope.unitArray()).withFetchSize(500)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    @Transactional(readOnly = true)
    public Entry get(UUID id, DataScope scope) {
        return jdbc.sql(SELECT + " and a.id = :id").param("units", scope.unitArray()).param("id", id)
                .query(AccountabilityRecords::map).optional()
                .orElseThrow(() -> new NotFoundException("accountability " + id));
    }

    @Transactional
    public UUID create(AccountabilityForm form, DataScope scope) {
        if (!scope.includes(form.unitId())) {
            throw new BusinessRuleViolation("problem.unitOutOfScope");
        }
        if (form.kind() == AccountabilityKind.FAULT_TOLERANCE_EXEMPTION
                && (form.grounds() == null || form.grounds().isBlank())) {
            throw new BusinessRuleViolation("accountability.groundsRequired");
        }
        if (form.decidedOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("accountability.futureDate");
        }
        UUID problemId = jdbc.sql("""
                        select id from problem where reference = :ref
                        and (unit_id = any(:units) or assigned_unit_id = any(:units))
                        """)
                .param("ref", form.problemReference().trim()).param("units", scope.unitArray())
                .query(UUID.class).optional()
                .orElseThrow(() -> new BusinessRuleViolation("accountability.unknownProblem"));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into accountability_record (id, problem_id, person, unit_id, kind, grounds, decided_on,
                                                   deciding_body, created_by, created_at)
                values (:id, :problem, :person, :unit, :kind, :grounds, :decided, :body, :by, :at)
                """)
                .param("id", id).param("problem", problemId).param("person", form.person().trim())
                .param("unit", form.unitId()).param("kind", form.kind().name()).param("grounds", form.grounds())
                .param("decided", Date.valueOf(form.decidedOn())).param("body", form.decidingBody().trim())
                .param("by", CurrentUser.actor()).param("at", Timestamp.from(clock.instant())).update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("problemId", problemId.toString());
        values.put("kind", form.kind().name());
        values.put("unitId", form.unitId().toString());
        values.put("decidedOn", form.decidedOn().toString());
        values.put("decidingBody", form.decidingBody());
        events.publishEvent(AuditEvent.change("accountability.recorded", "accountability_record", id, Map.of(), values));
        return id;
    }

    static Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("problem_id", UUID.class),
                rs.getString("reference"), rs.getString("person"), rs.getObject("unit_id", UUID.class),
                AccountabilityKind.valueOf(rs.getString("kind")), rs.getString("grounds"),
                rs.getDate("decided_on").toLocalDate(), rs.getString("deciding_body"), rs.getString("created_by"));
    }
}

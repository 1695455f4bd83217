package org.duban.inspection;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.StaffDirectory;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Declared conflicts of interest of possible inspectors. A declaration is frozen into
 * every later draw snapshot; declarations are kept (never edited), so what a draw
 * excluded can always be traced.
 */
@Service
public class Conflicts {

    public record Declared(UUID id, UUID staffId, String staffName, String subjectType, String subjectId,
            String subjectLabel, String reason, String recordedBy) {
    }

    private static final Set<String> TYPES = Set.of("STAFF", "UNIT", "STATION", "CASE");

    private final JdbcClient jdbc;

    private final StaffDirectory staff;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Conflicts(JdbcClient jdbc, StaffDirectory staff, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Declared> list(DataScope scope) {
        return jdbc.sql("""
                select c.*, s.name as staff_name,
                       coalesce(o.name, t.name, st.name, c.subject_id) as subject_label
                from inspector_conflict c join staff s on s.id = c.staff_id
                left join org_unit o on c.subject_type = 'UNIT' and o.id::text = c.subject_id
                left join staff t on c.subject_type = 'STAFF' and t.id::text = c.subject_id
                left join inspection_station st on c.subject_type = 'STATION' and st.id::text = c.subject_id
                where s.unit_id = any(:units) order by s.name, c.recorded_at
                """)
            .param("units", scope.unitArray())
            .query((rs, n) -> new Declared(rs.getObject("id", UUID.class), rs.getObject("staff_id", UUID.class),
                    rs.getString("staff_name"), rs.getString("subject_type"), rs.getString("subject_id"),
                    rs.getString("subject_label"), rs.getString("reason"), rs.getString("recorded_by")))
            .list();
    }

    @Transactional
    public UUID declare(UUID staffId, String subjectType, String subjectId, String reason, DataScope scope) {
        staff.get(staffId, scope);
        String type = SnapshotRow.clean(subjectType);
        String subject = SnapshotRow.clean(subjectId);
        String why = SnapshotRow.clean(reason);
        if (!TYPES.contains(type) || subject.isEmpty() || subject.length() > 80 || subject.contains(";")) {
            throw new BusinessRuleViolation("conflict.subject.invalid");
        }
        if (why.isEmpty() || why.length() > 300) {
            throw new BusinessRuleViolation("conflict.reason.required");
        }
        boolean exists = jdbc.sql("""
                select count(*) from inspector_conflict where staff_id = :s and subject_type = :t and subject_id = :i
                """).param("s", staffId).param("t", type).param("i", subject).query(Integer.class).single() > 0;
        if (exists) {
            throw new BusinessRuleViolation("conflict.duplicate");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into inspector_conflict (id, staff_id, subject_type, subject_id, reason, recorded_by, recorded_at)
                        values (:id, :s, :t, :i, :r, :by, :at)
                        """)
            .param("id", id)
            .param("s", staffId)
            .param("t", type)
            .param("i", subject)
            .param("r", why)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(AuditEvent.change("inspection.conflict.declared", "inspector_conflict", id, Map.of(),
                Map.of("staffId", staffId.toString(), "subject", type + ":" + subject, "reason", why)));
        return id;
    }

}

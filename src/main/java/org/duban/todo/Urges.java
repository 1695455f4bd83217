package org.duban.todo;

import org.duban.audit.AuditEvent;
import org.duban.notification.Notifications;
import org.duban.organization.DataScope;
import org.duban.security.DubanUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.todo.Recipients.Desk;
import org.duban.todo.TodoItem.Kind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * 催办: someone with authority over an open item's unit presses it with a message. The urge
 * is recorded on the item, audited, and sent at once to the unit's staff who act on it
 * (and, for a clue, only to those who may read clues).
 */
@Service
public class Urges {

    static final int MAX_TEXT = 1000;

    private final JdbcClient jdbc;

    private final Recipients recipients;

    private final Notifications notifications;

    private final MessageSource messages;

    private final ApplicationEventPublisher events;

    private final TodoList todo;

    Urges(JdbcClient jdbc, Recipients recipients, Notifications notifications, MessageSource messages,
            ApplicationEventPublisher events, TodoList todo) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.todo = todo;
    }

    /**
     * An open item as the urge and the supervision slip see it: whose desk, which limit.
     */
    public record Item(Kind kind, UUID id, String label, String status, UUID deskUnitId, String deskUnitName,
            LocalDate dueOn, boolean confidential, boolean open) {
    }

    public record Urge(String text, String by, Instant at) {
    }

    /**
     * The item if it lies in the scope (and, for a clue, the user may read clues); else
     * 404.
     */
    @Transactional(readOnly = true)
    public Item item(Kind kind, UUID id, DubanUser me, DataScope scope) {
        String sql = switch (kind) {
            case PROBLEM ->
                """
                        select p.reference as label, p.status, coalesce(r.responsible_unit_id, p.assigned_unit_id) as desk,
                               case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end as due,
                               p.confidential, p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING') as open
                        from problem p left join rectification r on r.problem_id = p.id
                        where p.id = :id and (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))
                        """;
            case COMPLAINT ->
                """
                        select c.type as label, c.status, coalesce(c.handling_unit_id, c.owner_unit_id) as desk,
                               c.due_on as due, false as confidential, c.status not in ('DECLINED', 'CLOSED', 'ANSWERED') as open
                        from complaint c
                        where c.id = :id and (c.owner_unit_id = any(:units) or c.handling_unit_id = any(:units))
                        """;
            case KEY_TASK -> """
                    select t.title as label, t.status, t.owner_unit_id as desk, t.deadline as due,
                           false as confidential, t.status <> 'DONE' as open
                    from key_task t where t.id = :id and t.owner_unit_id = any(:units)
                    """;
            case HAND_DOWN -> """
                    select h.title as label, h.status, h.to_unit_id as desk, h.due_on as due,
                           false as confidential, h.status in ('ISSUED', 'RETURNED') as open
                    from hand_down h
                    where h.id = :id and (h.to_unit_id = any(:units) or h.from_unit_id = any(:units))
                    """;
            case REPORT, ACCOUNTABILITY -> throw new NotFoundException(kind + " urges");
        };
        Map<String, Object> row = jdbc.sql(sql)
            .param("id", id)
            .param("units", scope.unitArray())
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException(kind + " " + id));
        boolean confidential = (Boolean) row.get("confidential");
        if (confidential && !me.can(Recipients.CONFIDENTIAL)) {
            throw new NotFoundException(kind + " " + id);
        }
        UUID desk = (UUID) row.get("desk");
        String deskName = desk == null ? null
                : jdbc.sql("select name from org_unit where id = :id")
                    .param("id", desk)
                    .query(String.class)
                    .optional()
                    .orElse(null);
        java.sql.Date due = (java.sql.Date) row.get("due");
        return new Item(kind, id, (String) row.get("label"), (String) row.get("status"), desk, deskName,
                due == null ? null : due.toLocalDate(), confidential, (Boolean) row.get("open") && desk != null);
    }

    @Transactional(readOnly = true)
    public List<Urge> of(UUID itemId) {
        return jdbc.sql("select text, urged_name, urged_at from todo_urge where item_id = :id order by urged_at")
            .param("id", itemId)
            .query((rs, n) -> new Urge(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
            .list();
    }

    /**
     * Records an urge on an open item of the scope and notifies the unit that must act.
     * Returns the recipients.
     */
    @Transactional
    public List<UUID> urge(Kind kind, UUID id, String text, DubanUser me, DataScope scope) {
        Item item = item(kind, id, me, scope);
        if (!item.open()) {
            throw new BusinessRuleViolation("todo.urge.notOpen");
        }
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("todo.urge.textRequired");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new BusinessRuleViolation("todo.urge.textTooLong", MAX_TEXT);
        }
        UUID urgeId = UUID.randomUUID();
        Instant now = todo.now();
        jdbc.sql("""
                insert into todo_urge (id, item_kind, item_id, unit_id, text, urged_by, urged_name, urged_at)
                values (:id, :kind, :item, :unit, :text, :by, :name, :at)
                """)
            .param("id", urgeId)
            .param("kind", kind.name())
            .param("item", id)
            .param("unit", item.deskUnitId())
            .param("text", text.strip())
            .param("by", me.getUsername())
            .param("name", me.displayName())
            .param("at", Timestamp.from(now))
            .update();
        events.publishEvent(AuditEvent.change("todo.urged", kind.name().toLowerCase(Locale.ROOT), id, Map.of(),
                Map.of("unit", item.deskUnitId().toString(), "text", text.strip())));
        String permission = switch (kind) {
            case PROBLEM -> HandOvers.RECTIFY;
            case COMPLAINT -> HandOvers.HANDLE;
            case HAND_DOWN -> HandOvers.HAND_DOWN_REPORT;
            default -> HandOvers.PROGRESS;
        };
        // A handed-down item waits on the receiving bureau's desks, not on the staff of
        // the
        // bureau unit itself.
        Desk desk = kind == Kind.HAND_DOWN ? Desk.of(permission, item.deskUnitId())
                : Desk.own(permission, item.deskUnitId());
        List<UUID> to = recipients.of(List.of(desk), item.confidential(), me.getUsername(), null, null, null);
        String title = messages.getMessage("todo.notice.urged",
                new Object[] { me.displayName(), item.kind() == Kind.COMPLAINT
                        ? messages.getMessage("complaint.type." + item.label(), null, Locale.CHINA) : item.label() },
                Locale.CHINA);
        for (UUID staff : to) {
            notifications.notify(staff, "URGE", title, text.strip(), kind.path() + id, "urge:" + urgeId, true);
        }
        return to;
    }

}

package org.duban.todo;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.handdown.HandDownStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The desks of 上级交办, beside {@link TodoList}'s union rather than inside it (the union's
 * query is tuned on its own): the receiving bureau handles and reports back an item
 * issued or returned to it; the issuing bureau accepts or returns a report; holders of
 * {@code todo:item:urge} see an item overdue at a bureau of their scope by more than the
 * escalation threshold, marked escalated. Both bureaus are the item's, so a county never
 * sees another county's items.
 */
@Component
class HandDownDesk {

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final TodoList todo;

    private final int escalationDays;

    HandDownDesk(JdbcClient jdbc, OrgUnits units, TodoList todo,
            @Value("${duban.escalation.working-days:3}") int escalationDays) {
        this.jdbc = jdbc;
        this.units = units;
        this.todo = todo;
        this.escalationDays = escalationDays;
    }

    private static final String ROW = """
            select 'HAND_DOWN' as kind, h.id, h.title as label, %s as action,
                   coalesce(h.updated_at, h.created_at) as since, %s as due_on, h.to_unit_id as unit_id,
                   u.name as unit_name, %s as escalated,
                   (select count(*) from todo_urge g where g.item_id = h.id) as urges,
                   (select g.text from todo_urge g where g.item_id = h.id order by g.urged_at desc limit 1) as last_urge
            from hand_down h join org_unit u on u.id = h.to_unit_id where\s""";

    /** The parts of the query for this user's desks, or none. */
    private List<String> desks(DubanUser me) {
        List<String> parts = new ArrayList<>();
        if (me.can(HandOvers.HAND_DOWN_REPORT)) {
            parts.add(ROW.formatted("case when h.status = :returned then 'handDownRedo' else 'handDownReport' end",
                    "h.due_on", "false") + "h.status in (:issued, :returned) and h.to_unit_id = :bureau");
        }
        if (me.can(HandOvers.HAND_DOWN_DECIDE)) {
            parts.add(ROW.formatted("'handDownDecide'", "null::date", "false")
                    + "h.status = :reported and h.from_unit_id = :bureau");
        }
        if (me.can(TodoController.URGE)) {
            parts.add(ROW.formatted("'handDownReport'", "h.due_on", "true")
                    + "h.status in (:issued, :returned) and h.due_on <= :escalateBefore"
                    + " and h.to_unit_id <> :bureau and h.to_unit_id = any(:units)");
        }
        return parts;
    }

    /** What waits on me here, most urgent first. */
    @Transactional(readOnly = true)
    List<TodoItem> pending(DubanUser me, DataScope scope) {
        List<String> parts = desks(me);
        if (parts.isEmpty()) {
            return List.of();
        }
        LocalDate today = todo.today();
        String sql = "select distinct on (id) * from (" + String.join("\nunion all\n", parts)
                + ") d order by id, escalated limit " + TodoList.PAGE_LIMIT;
        List<Map<String, Object>> rows = jdbc.sql(sql)
            .param("bureau", units.bureauOf(me.unitId()).id())
            .param("units", scope.unitArray())
            .param("escalateBefore", Date.valueOf(todo.workingDaysBack(today, escalationDays)))
            .param("issued", HandDownStatus.ISSUED.name())
            .param("returned", HandDownStatus.RETURNED.name())
            .param("reported", HandDownStatus.REPORTED.name())
            .query()
            .listOfRows();
        return todo.items(rows, today);
    }

    /** How many items wait on me here (for the badge). */
    @Transactional(readOnly = true)
    int count(DubanUser me, DataScope scope) {
        return pending(me, scope).size();
    }

    /**
     * {@code mine} and {@code these} in one list, ordered like the to-do list: by time
     * limit (none last), then the oldest.
     */
    static List<TodoItem> merge(List<TodoItem> mine, List<TodoItem> these) {
        if (these.isEmpty()) {
            return mine;
        }
        List<TodoItem> all = new ArrayList<>(mine);
        all.addAll(these);
        all.sort(Comparator.comparing(TodoItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TodoItem::since, Comparator.nullsLast(Comparator.naturalOrder())));
        return all.size() > TodoList.PAGE_LIMIT ? all.subList(0, TodoList.PAGE_LIMIT) : all;
    }

}

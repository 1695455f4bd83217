package org.duban.todo;

import org.duban.organization.DataScope;
import org.duban.security.DubanUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.util.List;

/**
 * The dashboard's count of overdue open items by the unit they wait on, within the scope.
 */
@Component
class OverdueByUnit {

    private final JdbcClient jdbc;

    private final TodoList todo;

    OverdueByUnit(JdbcClient jdbc, TodoList todo) {
        this.jdbc = jdbc;
        this.todo = todo;
    }

    record Row(String unit, int problems, int complaints, int tasks, int handDowns) {
        public int total() {
            return problems + complaints + tasks + handDowns;
        }
    }

    @Transactional(readOnly = true)
    List<Row> byUnit(DubanUser me, DataScope scope) {
        String secret = me.can(Recipients.CONFIDENTIAL) ? "" : " and not p.confidential";
        return jdbc
            .sql("""
                    select u.name, count(*) filter (where x.kind = 'P'), count(*) filter (where x.kind = 'C'),
                           count(*) filter (where x.kind = 'T'), count(*) filter (where x.kind = 'H')
                    from (
                      select 'P' as kind, coalesce(r.responsible_unit_id, p.assigned_unit_id) as unit_id
                      from problem p left join rectification r on r.problem_id = p.id
                      where p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')
                        and (case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end) < :today
                        and (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))"""
                    + secret + """

                              union all
                              select 'C', coalesce(c.handling_unit_id, c.owner_unit_id) from complaint c
                              where c.status in ('SUBMITTED', 'ACCEPTED', 'IN_HANDLING', 'FEEDBACK_REVIEW', 'REOPENED')
                                and c.due_on < :today
                                and (c.owner_unit_id = any(:units) or c.handling_unit_id = any(:units))
                              union all
                              select 'T', t.owner_unit_id from key_task t
                              where t.status <> 'DONE' and t.deadline < :today and t.owner_unit_id = any(:units)
                              union all
                              -- Handed down by the level above: counted at the bureau that handles it.
                              select 'H', h.to_unit_id from hand_down h
                              where h.status in ('ISSUED', 'RETURNED') and h.due_on < :today
                                and h.to_unit_id = any(:units)
                            ) x join org_unit u on u.id = x.unit_id
                            group by u.name, u.path order by count(*) desc, u.path
                            """)
            .param("today", Date.valueOf(todo.today()))
            .param("units", scope.unitArray())
            .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
            .list();
    }

}

package org.duban.todo;

import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.shared.BureauClock;
import org.duban.todo.TodoItem.Kind;
import org.duban.todo.TodoItem.Light;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 我的待办 and 已办, read from the live state of the ledgers (never from the notifications):
 * each desk is one SELECT of a union, chosen by the permissions the user holds, limited
 * to the user's data scope (or own unit for a unit's own work) and, for clues, to those
 * who may read confidential ones. An item overdue by more than
 * {@code duban.escalation.working-days} at a unit I may urge is shown to me as escalated.
 */
@Service
public class TodoList {

    static final int DUE_SOON_DAYS = 2;
    static final int PAGE_LIMIT = 300;

    /**
     * While a problem is assigned, the time limit runs against the unit: verification,
     * then rectification.
     */
    private static final String UNIT_ACTION = "case when p.status = 'RECTIFYING' then 'rectify' else 'awaitVerify' end";

    private static final String UNIT_DUE = "case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end";

    private final JdbcClient jdbc;

    private final WorkingDays workingDays;

    private final OrgUnits units;

    private final BureauClock clock;

    private final int escalationDays;

    TodoList(JdbcClient jdbc, WorkingDays workingDays, OrgUnits units, BureauClock clock,
            @Value("${duban.escalation.working-days:3}") int escalationDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.units = units;
        this.clock = clock;
        this.escalationDays = escalationDays;
    }

    public LocalDate today() {
        return clock.today();
    }

    /** The union of the desks this user sits at, or null when none. */
    private record Query(String sql, Map<String, Object> params) {
    }

    private Query query(DubanUser me, DataScope scope, LocalDate today) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("me", me.unitId());
        // Overdue by more than N working days: the time limit ended on or before the N-th
        // working day back.
        params.put("escalateBefore", Date.valueOf(workingDaysBack(today, escalationDays)));
        boolean urge = me.can("todo:item:urge");
        if (me.can("ledger:problem:read")) {
            String secret = me.can(Recipients.CONFIDENTIAL) ? "" : " and not p.confidential";
            String row = "select 'PROBLEM' as kind, p.id, p.reference as label, %s as action, p.created_at"
                    + " as since, %s as due_on, %s as unit_id, %s as escalated from problem p"
                    + " left join rectification r on r.problem_id = p.id where ";
            String inScope = " and (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))" + secret;
            String desk = "coalesce(r.responsible_unit_id, p.assigned_unit_id)";
            if (me.can("ledger:problem:rectify")) {
                parts.add(row.formatted(UNIT_ACTION, UNIT_DUE, desk, "false")
                        + "p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING') and " + desk + " = :me" + secret);
            }
            supervise(parts, row, "ledger:problem:assign", me, "'assign'", "p.status = 'REGISTERED'", inScope);
            supervise(parts, row, "ledger:problem:verify", me,
                    "case when p.status = 'ASSIGNED' then 'startVerify' else 'decide' end",
                    "p.status in ('ASSIGNED', 'VERIFYING')", inScope);
            supervise(parts, row, "ledger:problem:assign", me, "'plan'", "p.status = 'CONFIRMED'", inScope);
            supervise(parts, row, "ledger:problem:check", me, "'check'", "p.status = 'RECTIFIED'", inScope);
            supervise(parts, row, "ledger:problem:close", me, "'signOff'", "p.status = 'VERIFIED'", inScope);
            if (urge) {
                parts.add(row.formatted(UNIT_ACTION, UNIT_DUE, desk, "true")
                        + "p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING') and " + UNIT_DUE + " <= :escalateBefore"
                        + " and " + desk + " <> :me" + inScope);
            }
        }
        if (me.can("complaint:complaint:read")) {
            String row = "select 'COMPLAINT' as kind, c.id, c.type as label, %s as action, c.submitted_at"
                    + " as since, %s as due_on, %s as unit_id, %s as escalated from complaint c where ";
            String inScope = " and (c.owner_unit_id = any(:units) or c.handling_unit_id = any(:units))";
            if (me.can("complaint:complaint:handle")) {
                parts.add(row.formatted("'answer'", "c.due_on", "c.handling_unit_id", "false")
                        + "c.status = 'IN_HANDLING' and c.handling_unit_id = :me");
            }
            if (me.can("complaint:complaint:dispatch")) {
                parts.add(row.formatted("""
                        case c.status when 'SUBMITTED' then 'accept' when 'FEEDBACK_REVIEW' then 'review'
                                      else 'dispatch' end""",
                        "case when c.status = 'SUBMITTED' then c.acknowledge_due_on else c.due_on end",
                        "c.owner_unit_id", "false")
                        + "c.status in ('SUBMITTED', 'ACCEPTED', 'REOPENED', 'FEEDBACK_REVIEW')"
                        + " and c.owner_unit_id = any(:units)");
            }
            if (urge) {
                parts.add(row.formatted("'answer'", "c.due_on", "c.handling_unit_id", "true")
                        + "c.status = 'IN_HANDLING' and c.due_on <= :escalateBefore and c.handling_unit_id <> :me"
                        + inScope);
            }
        }
        if (me.can("keytask:task:read")) {
            String row = "select 'KEY_TASK' as kind, t.id, t.title as label, 'progress' as action,"
                    + " t.created_at as since, t.deadline as due_on, t.owner_unit_id as unit_id, %s as escalated"
                    + " from key_task t where t.status <> 'DONE' and ";
            if (me.can("keytask:task:progress")) {
                parts.add(row.formatted("false") + "t.status <> 'AWAITING_ACCEPTANCE' and t.owner_unit_id = :me");
            }
            // 验收: a task at 100 % with evidence waits on the leading group, or on the
            // acceptor the task names.
            params.put("login", me.getUsername());
            String accept = "select 'KEY_TASK' as kind, t.id, t.title as label, 'acceptTask' as action,"
                    + " t.updated_at as since, t.deadline as due_on, t.owner_unit_id as unit_id, false as escalated"
                    + " from key_task t where t.status = 'AWAITING_ACCEPTANCE' and ";
            if (me.can("keytask:task:accept")) {
                parts.add(accept + "t.owner_unit_id = any(:units)");
            }
            parts.add(accept + "t.acceptor_login = :login");
            if (urge) {
                parts.add(row.formatted("true") + "t.deadline <= :escalateBefore and t.owner_unit_id <> :me"
                        + " and t.owner_unit_id = any(:units)");
            }
        }
        if (me.can("ledger:accountability:decide")) {
            // A work-team proposal of accountability or fault tolerance waits on the
            // leading group's decision.
            parts.add("select 'ACCOUNTABILITY' as kind, a.id, a.person as label, 'decideAccountability' as action,"
                    + " coalesce(a.proposed_at, a.created_at) as since, null::date as due_on, a.unit_id,"
                    + " false as escalated from accountability_record a where a.status = 'PROPOSED'"
                    + " and a.unit_id = any(:units)");
        }
        if (me.can("reporting:report:read")) {
            String row = "select 'REPORT' as kind, r.id, r.title as label, %s as action,"
                    + " coalesce(r.updated_at, r.created_at) as since, null::date as due_on, r.unit_id,"
                    + " false as escalated from report r where ";
            if (me.can("reporting:report:approve")) {
                parts.add(row.formatted("'approve'") + "r.status = 'DRAFT' and r.unit_id = any(:units)");
            }
            if (me.can("reporting:report:write")) {
                parts.add(row.formatted("case when r.status = 'RETURNED' then 'redo' else 'submit' end")
                        + "r.status in ('APPROVED', 'RETURNED') and r.unit_id = any(:units)");
            }
            if (me.can("reporting:report:receive")) {
                params.put("bureau", units.bureauOf(me.unitId()).id());
                parts.add(
                        row.formatted("'receive'") + "r.status = 'SUBMITTED' and exists (select 1 from report_version v"
                                + " where v.report_id = r.id and v.version_no = r.submitted_version"
                                + " and v.superior_unit_id = :bureau)");
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        // One desk may repeat another's row (a work-team member who also rectifies): keep
        // the first.
        String union = "select distinct on (kind, id) * from (" + String.join("\nunion all\n", parts)
                + ") desks order by kind, id, escalated";
        return new Query(union, params);
    }

    private static void supervise(List<String> parts, String row, String permission, DubanUser me, String action,
            String status, String inScope) {
        if (me.can(permission)) {
            parts.add(row.formatted(action, "p.due_on", "coalesce(p.assigned_unit_id, p.unit_id)", "false") + status
                    + inScope);
        }
    }

    /** The day N working days before {@code today}. */
    LocalDate workingDaysBack(LocalDate today, int days) {
        LocalDate day = today;
        while (workingDays.between(day, today) < days) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * What waits on me: the most urgent first (overdue, then by time limit, then the
     * oldest).
     */
    @Transactional(readOnly = true)
    public List<TodoItem> pending(DubanUser me, DataScope scope) {
        LocalDate today = today();
        Query q = query(me, scope, today);
        if (q == null) {
            return List.of();
        }
        LocalDate soon = workingDays.add(today, DUE_SOON_DAYS);
        List<Map<String, Object>> rows = jdbc.sql("""
                select d.kind, d.id, d.label, d.action, d.due_on, d.unit_id, d.escalated,
                       coalesce(case d.kind
                           when 'PROBLEM' then (select max(c.at) from problem_change c
                                                where c.problem_id = d.id and c.field = 'status')
                           when 'COMPLAINT' then (select max(e.created_at) from complaint_entry e
                                                  where e.complaint_id = d.id and e.kind = 'TRANSITION')
                           when 'KEY_TASK' then (select max(g.reported_at) from key_task_progress g
                                                 where g.task_id = d.id) end, d.since) as since,
                       u.name as unit_name,
                       (select count(*) from todo_urge g where g.item_id = d.id) as urges,
                       (select g.text from todo_urge g where g.item_id = d.id
                        order by g.urged_at desc limit 1) as last_urge
                -- Ordered and cut first: when the item reached this desk is read for the rows shown only.
                from (select * from (%s) x order by x.due_on nulls last, x.since limit %d) d
                left join org_unit u on u.id = d.unit_id
                order by d.due_on nulls last, d.since
                """.formatted(q.sql(), PAGE_LIMIT)).params(q.params()).query().listOfRows();
        List<TodoItem> items = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            LocalDate due = r.get("due_on") == null ? null : ((Date) r.get("due_on")).toLocalDate();
            Integer left = due == null ? null : workingDays.between(today, due);
            Light light = due == null ? Light.NONE
                    : today.isAfter(due) ? Light.RED : !due.isAfter(soon) ? Light.YELLOW : Light.GREEN;
            Timestamp since = (Timestamp) r.get("since");
            items.add(new TodoItem(Kind.valueOf((String) r.get("kind")), (UUID) r.get("id"), (String) r.get("label"),
                    (String) r.get("action"), since == null ? null : since.toInstant(), due, left, light,
                    (UUID) r.get("unit_id"), (String) r.get("unit_name"), (Boolean) r.get("escalated"),
                    ((Number) r.get("urges")).intValue(), (String) r.get("last_urge")));
        }
        return items;
    }

    /** The badge: how many items wait on me. */
    @Transactional(readOnly = true)
    public int count(DubanUser me, DataScope scope) {
        Query q = query(me, scope, today());
        if (q == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from (" + q.sql() + ") d").params(q.params()).query(Integer.class).single();
    }

    /** One thing I handled: what, which action, when. */
    public record DoneItem(Kind kind, UUID id, String label, String action, Instant at) {
        public String link() {
            return kind.path() + id;
        }
    }

    /**
     * 已办: the hand-overs I made, newest first; within my scope, and clues only if I may
     * read them.
     */
    @Transactional(readOnly = true)
    public List<DoneItem> done(DubanUser me, DataScope scope, int limit) {
        String secret = me.can(Recipients.CONFIDENTIAL) ? "" : " and not p.confidential";
        return jdbc.sql("""
                select * from (
                  select distinct on (p.id) 'PROBLEM' as kind, p.id, p.reference as label, c.action, c.at
                  from problem_change c join problem p on p.id = c.problem_id
                  where c.actor = :login and (p.unit_id = any(:units) or p.assigned_unit_id = any(:units))
                  """ + secret + """
                  order by p.id, c.at desc
                ) problems
                union all
                select * from (
                  select distinct on (c.id) 'COMPLAINT', c.id, c.type, e.action, e.created_at
                  from complaint_entry e join complaint c on c.id = e.complaint_id
                  where e.author = :login and e.kind in ('TRANSITION', 'NOTE')
                    and (c.owner_unit_id = any(:units) or c.handling_unit_id = any(:units))
                  order by c.id, e.created_at desc
                ) complaints
                union all
                select * from (
                  select distinct on (t.id) 'KEY_TASK', t.id, t.title, 'progress', g.reported_at
                  from key_task_progress g join key_task t on t.id = g.task_id
                  where g.reported_by = :login and t.owner_unit_id = any(:units)
                  order by t.id, g.reported_at desc
                ) tasks
                union all
                select 'REPORT', r.id, r.title, 'approve', r.approved_at from report r
                where r.approved_by = :login and r.approved_at is not null
                order by 5 desc limit :limit
                """)
            .param("login", me.getUsername())
            .param("units", scope.unitArray())
            .param("limit", limit)
            .query((rs, n) -> new DoneItem(Kind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getString(4), rs.getTimestamp(5).toInstant()))
            .list();
    }

    /** Instant of "now", for the urges. */
    Instant now() {
        return clock.now();
    }

}

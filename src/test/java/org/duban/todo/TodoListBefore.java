package org.duban.todo;

import org.duban.organization.DataScope;
import org.duban.security.DubanUser;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For {@link TodoBenchmark} only: the to-do query as it was before the desks were
 * rewritten (commit a6f5d17, a union of string fragments made distinct per item), kept
 * verbatim so that one benchmark run measures before and after on the same data.
 */
final class TodoListBefore {

    private TodoListBefore() {
    }

    private static final String UNIT_ACTION = "case when p.status = 'RECTIFYING' then 'rectify' else 'awaitVerify' end";

    private static final String UNIT_DUE = "case when p.status = 'RECTIFYING' then coalesce(r.deadline, p.due_on) else p.due_on end";

    record Query(String sql, Map<String, Object> params) {
    }

    static Query query(DubanUser me, DataScope scope, LocalDate escalateBefore, UUID bureau) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("me", me.unitId());
        // Overdue by more than N working days: the time limit ended on or before the N-th
        // working day back.
        params.put("escalateBefore", Date.valueOf(escalateBefore));
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
            // As on main when the desks were rewritten: a unit's report to its bureau is
            // the
            // unit's own, no draft for the bureau's leading group.
            params.put("bureauChannel", "BUREAU_TO_SUPERIOR");
            params.put("ownUnit", me.unitId());
            if (me.can("reporting:report:approve")) {
                parts.add(row.formatted("'approve'") + "r.status = 'DRAFT' and r.unit_id = any(:units)"
                        + " and r.channel = :bureauChannel");
            }
            if (me.can("reporting:report:write")) {
                parts.add(row.formatted("case when r.status = 'RETURNED' then 'redo' else 'submit' end")
                        + "r.status in ('APPROVED', 'RETURNED') and r.unit_id = any(:units)"
                        + " and (r.channel = :bureauChannel or r.unit_id = :ownUnit)");
            }
            if (me.can("reporting:report:receive")) {
                params.put("bureau", bureau);
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

    /**
     * The page around the old union: the page of {@link TodoList} (whose decoration of
     * the 300 rows shown did not change) with the old union in place of the desks.
     */
    static String page(Query q) {
        return TodoList.PAGE.replace(TodoList.PAGE_DESKS, q.sql()).replace("offset :offset", "");
    }

}

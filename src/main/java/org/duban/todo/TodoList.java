package org.duban.todo;

import org.duban.handdown.HandDownStatus;
import org.duban.ledger.ProblemStatus;
import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.reporting.ReportChannel;
import org.duban.security.DubanUser;
import org.duban.shared.BureauClock;
import org.duban.shared.PageOf;
import org.duban.todo.TodoItem.Kind;
import org.duban.todo.TodoItem.Light;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * Rows of {@link #pending(DubanUser, DataScope)}, the tests' view of the first rows.
     */
    static final int PAGE_LIMIT = 300;

    /** Rows of a page of 我的待办. */
    static final int PAGE_SIZE = PageOf.DEFAULT_SIZE;

    /** The desks (src/main/resources/todo/desks.sql): one SELECT of a union per desk. */
    static final String DESKS = sql("todo/desks.sql");

    /**
     * The desks for a page: each desk cut to its {@code :top} most urgent items (the
     * page's offset and size), so that a desk read from an index in this order stops
     * after them and the others sort their own rows only; the page is among these rows.
     * The badge counts {@link #DESKS}.
     */
    static final String PAGE_DESKS = Arrays.stream(DESKS.split("\nunion all\n"))
        .map(desk -> "(" + desk.strip() + "\norder by 6 nulls last, 5, 2 limit :top)")
        .collect(Collectors.joining("\nunion all\n"));

    /**
     * A page: the most urgent first (by time limit, overdue first, then the oldest; the
     * id keeps the order of rows that tie the same from one page to the next),
     * {@code :limit} rows from {@code :offset}.
     */
    static final String PAGE = """
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
            from (select * from (""" + PAGE_DESKS + """
                  ) desks order by desks.due_on nulls last, desks.since, desks.id limit :limit offset :offset) d
            left join org_unit u on u.id = d.unit_id
            order by d.due_on nulls last, d.since, d.id
            """;

    /** The badge. */
    static final String COUNT = "select count(*) from (" + DESKS + ") desks";

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

    /**
     * The desks' parameters for this user: who and where I am, and which desks the
     * permissions I hold switch on.
     */
    Map<String, Object> desks(DubanUser me, DataScope scope, LocalDate today) {
        boolean problems = me.can("ledger:problem:read");
        boolean complaints = me.can("complaint:complaint:read");
        boolean tasks = me.can("keytask:task:read");
        boolean reports = me.can("reporting:report:read");
        boolean receive = reports && me.can("reporting:report:receive");
        Map<String, Object> params = new HashMap<>();
        params.put("me", me.unitId());
        params.put("units", scope.unitArray());
        params.put("login", me.getUsername());
        params.put("bureau", receive ? units.bureauOf(me.unitId()).id() : null);
        // Overdue by more than N working days: the time limit ended on or before the N-th
        // working day back.
        params.put("escalateBefore", Date.valueOf(workingDaysBack(today, escalationDays)));
        params.put("clues", me.can(Recipients.CONFIDENTIAL));
        boolean urge = me.can("todo:item:urge");
        params.put("urgeProblems", urge && problems);
        params.put("urgeComplaints", urge && complaints);
        params.put("urgeTasks", urge && tasks);
        params.put("rectify", problems && me.can("ledger:problem:rectify"));
        boolean verify = problems && me.can("ledger:problem:verify");
        params.put("verify", verify);
        List<String> supervised = new ArrayList<>();
        if (problems && me.can("ledger:problem:assign")) {
            supervised.addAll(List.of(ProblemStatus.REGISTERED.name(), ProblemStatus.CONFIRMED.name()));
        }
        if (verify) {
            supervised.addAll(List.of(ProblemStatus.ASSIGNED.name(), ProblemStatus.VERIFYING.name()));
        }
        if (problems && me.can("ledger:problem:check")) {
            supervised.add(ProblemStatus.RECTIFIED.name());
        }
        if (problems && me.can("ledger:problem:close")) {
            supervised.add(ProblemStatus.VERIFIED.name());
        }
        params.put("supervised", supervised.toArray(String[]::new));
        params.put("handle", complaints && me.can("complaint:complaint:handle"));
        params.put("dispatch", complaints && me.can("complaint:complaint:dispatch"));
        params.put("tasks", tasks);
        params.put("progress", tasks && me.can("keytask:task:progress"));
        params.put("accept", tasks && me.can("keytask:task:accept"));
        params.put("decide", me.can("ledger:accountability:decide"));
        params.put("bureauChannel", ReportChannel.BUREAU_TO_SUPERIOR.name());
        params.put("ownUnit", me.unitId());
        params.put("approve", reports && me.can("reporting:report:approve"));
        params.put("write", reports && me.can("reporting:report:write"));
        params.put("receive", receive);
        // 上级交办: at the bureau of my unit.
        boolean handDownReport = me.can(HandOvers.HAND_DOWN_REPORT);
        boolean handDownDecide = me.can(HandOvers.HAND_DOWN_DECIDE);
        params.put("handDownReport", handDownReport);
        params.put("handDownDecide", handDownDecide);
        params.put("urgeHandDowns", urge);
        params.put("myBureau", handDownReport || handDownDecide || urge ? units.bureauOf(me.unitId()).id() : null);
        params.put("handDownIssued", HandDownStatus.ISSUED.name());
        params.put("handDownReturned", HandDownStatus.RETURNED.name());
        params.put("handDownReported", HandDownStatus.REPORTED.name());
        return params;
    }

    /**
     * Plans for the values at hand: a desk switched off by a false permission parameter
     * is folded away, and a partial index on the desk's statuses can be used. A generic
     * plan (chosen after a few executions of a prepared statement) would keep every desk.
     */
    private void customPlans() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
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
     * What waits on me, the first {@value #PAGE_LIMIT} items: the most urgent first
     * (overdue, then by time limit, then the oldest).
     */
    @Transactional(readOnly = true)
    public List<TodoItem> pending(DubanUser me, DataScope scope) {
        LocalDate today = today();
        customPlans();
        return rows(desks(me, scope, today), 0, PAGE_LIMIT, today);
    }

    /**
     * Page {@code number} (from 1) of what waits on me, {@code size} items, the most
     * urgent first, and how many wait in all (what the badge counts). Read from one
     * snapshot (repeatable read), so that the total and the rows agree; a number past the
     * last page shows the last.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageOf<TodoItem> page(DubanUser me, DataScope scope, int number, int size) {
        LocalDate today = today();
        customPlans();
        Map<String, Object> desks = desks(me, scope, today);
        int total = jdbc.sql(COUNT).params(desks).query(Integer.class).single();
        int pages = Math.max(1, (total + size - 1) / size);
        int shown = Math.min(Math.max(1, number), pages);
        List<TodoItem> items = total == 0 ? List.of() : rows(desks, PageOf.offset(shown, size), size, today);
        return new PageOf<>(items, total, shown, size);
    }

    private List<TodoItem> rows(Map<String, Object> desks, int offset, int limit, LocalDate today) {
        List<Map<String, Object>> rows = jdbc.sql(PAGE)
            .params(desks)
            .param("offset", offset)
            .param("limit", limit)
            .param("top", (int) Math.min((long) offset + limit, Integer.MAX_VALUE))
            .query()
            .listOfRows();
        return items(rows, today);
    }

    /**
     * The page's rows as items (columns kind, id, label, action, since, due_on, unit_id,
     * unit_name, escalated, urges, last_urge), with their working days left and light.
     * The calendar is read once for the page, from the earliest time limit to the latest,
     * not once per row.
     */
    List<TodoItem> items(List<Map<String, Object>> rows, LocalDate today) {
        LocalDate soon = workingDays.add(today, DUE_SOON_DAYS);
        LocalDate first = today;
        LocalDate last = today;
        for (Map<String, Object> r : rows) {
            if (r.get("due_on") != null) {
                LocalDate due = ((Date) r.get("due_on")).toLocalDate();
                first = due.isBefore(first) ? due : first;
                last = due.isAfter(last) ? due : last;
            }
        }
        WorkingDays.Span span = workingDays.span(first, last);
        List<TodoItem> items = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            LocalDate due = r.get("due_on") == null ? null : ((Date) r.get("due_on")).toLocalDate();
            Integer left = due == null ? null : span.between(today, due);
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
        customPlans();
        return jdbc.sql(COUNT).params(desks(me, scope, today())).query(Integer.class).single();
    }

    private static String sql(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
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

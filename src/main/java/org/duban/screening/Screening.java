package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs every enabled rule over all imported cases, in the database, and records the run:
 * who, when, which data (case count, decision dates, imports), which rules and which
 * settings. A finding that a person already dismissed or turned into a problem keeps that
 * decision when the same signal comes back in a later run.
 *
 * <p>
 * The rules run side by side on {@code duban.screening.parallel} connections (default:
 * one per processor), each in a transaction that imports the snapshot of the run's
 * coordinating transaction ({@code pg_export_snapshot}), so that every rule reads the
 * same cases, as when they ran one after the other in one transaction
 * (docs/adr/0214-screening-rules-side-by-side.md). A run that fails is marked
 * {@code FAILED} and its findings are removed; the pages only ever show a run that is
 * {@code DONE}.
 */
@Service
public class Screening {

    public enum Trigger {

        WEB, COMMAND, SCHEDULE

    }

    /** Outcome of a run; {@code millis} and {@code counts} per rule. */
    public record RunResult(UUID id, long caseCount, long findingCount, Map<String, Long> millis,
            Map<String, Long> counts) {
    }

    /** One run at a time, on every instance that shares the database. */
    private static final long RUN_LOCK = 7171040;

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final ScreeningSettings settings;

    private final TransactionTemplate tx;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final int parallel;

    Screening(DataSource dataSource, JdbcClient jdbc, ScreeningSettings settings, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock, @Value("${duban.screening.parallel:0}") int parallel) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.settings = settings;
        // Its own transactions even when called inside one: the run row must be
        // committed before the rules' connections write findings that refer to it.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.parallel = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
    }

    public RunResult run(Trigger trigger, String actor, Consumer<String> progress) {
        return run(trigger, actor, progress, null);
    }

    /**
     * As above, over only the cases with the given ids ({@code scope}; null: every case):
     * the {@code screen} command answers for the files it was given, their cases compared
     * with each other, not with whatever else the database holds. The rules' SQL names
     * {@code screening_case} unqualified, so a temporary table of that name holding the
     * scope's cases stands in for the table for the length of each rule transaction.
     */
    public RunResult run(Trigger trigger, String actor, Consumer<String> progress, long[] scope) {
        // The coordinating connection holds the run lock (a session lock: the run spans
        // several transactions) and the snapshot every rule reads.
        try (Connection coordinator = dataSource.getConnection()) {
            JdbcClient on = JdbcClient.create(new SingleConnectionDataSource(coordinator, true));
            on.sql("select pg_advisory_lock(" + RUN_LOCK + ")").query().singleRow();
            try {
                return coordinated(on, trigger, actor, progress, scope);
            }
            finally {
                on.sql("rollback").update(); // no-op unless a failure left the snapshot
                                             // open
                on.sql("select pg_advisory_unlock(" + RUN_LOCK + ")").query().singleRow();
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("screening run", e);
        }
    }

    private RunResult coordinated(JdbcClient on, Trigger trigger, String actor, Consumer<String> progress,
            long[] scope) {
        Map<String, Object> params = new LinkedHashMap<>(settings.parameters());
        List<ScreeningSettings.Rule> rules = settings.rules().stream().filter(ScreeningSettings.Rule::enabled).toList();
        List<String> codes = rules.stream().map(ScreeningSettings.Rule::code).toList();
        UUID id = UUID.randomUUID();
        // Committed before the snapshot is taken: the findings, written on other
        // connections in that snapshot, refer to it. Which data it runs on is read in
        // the snapshot.
        tx.executeWithoutResult(status -> jdbc.sql("""
                insert into screening_run (id, started_by, trigger, started_at, status, rules, settings)
                values (:id, :by, :trigger, :at, 'RUNNING', :rules, :settings::jsonb)
                """)
            .param("id", id)
            .param("by", actor)
            .param("trigger", trigger.name())
            .param("at", Timestamp.from(clock.instant()))
            .param("rules", String.join(",", codes))
            .param("settings", JsonMapper.builder().build().writeValueAsString(params))
            .update());
        params.put("run", id);
        Map<String, Long> millis = new ConcurrentHashMap<>();
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try {
            on.sql("start transaction isolation level repeatable read read only").update();
            String snapshot = on.sql("select pg_export_snapshot()").query(String.class).single();
            Map<String, Object> data = on.sql("""
                    select coalesce(sum(n), 0) as n, min(dfrom) as dfrom, max(dto) as dto,
                           string_agg(import_id::text, ',' order by import_id) as imports
                    from (select import_id, count(*) as n, min(decided_on) as dfrom, max(decided_on) as dto
                          from screening_case where :every or id = any(:ids) group by import_id) i
                    """)
                .param("every", scope == null)
                .param("ids", scope == null ? new long[0] : scope)
                .query()
                .singleRow();
            // What it runs on, on the row at once: a run that fails is still named by it.
            tx.executeWithoutResult(status -> jdbc
                .sql("""
                        update screening_run set case_count = :n, decided_from = :dfrom, decided_to = :dto, imports = :imports
                        where id = :id
                        """)
                .param("n", data.get("n"))
                .param("dfrom", data.get("dfrom"))
                .param("dto", data.get("dto"))
                .param("imports", data.get("imports"))
                .param("id", id)
                .update());
            runRules(snapshot, scope, params, longestFirst(rules), millis, counts, progress);
            on.sql("commit").update();
            return tx.execute(status -> finish(id, trigger, codes, data, millis, counts));
        }
        catch (RuntimeException e) {
            on.sql("rollback").update();
            tx.executeWithoutResult(status -> {
                jdbc.sql("delete from screening_finding where run_id = :id").param("id", id).update();
                jdbc.sql("update screening_run set status = 'FAILED', finished_at = :at where id = :id")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
            });
            throw e;
        }
    }

    /**
     * The rules that compare subjects with their peers (grouping every case) take several
     * times as long as a case rule (one pass, a few matches): started first, they do not
     * leave one connection working alone at the end.
     */
    static Queue<String> longestFirst(List<ScreeningSettings.Rule> rules) {
        return new ConcurrentLinkedQueue<>(rules.stream()
            .sorted(Comparator.comparing((ScreeningSettings.Rule r) -> "CASE".equals(r.subject())))
            .map(ScreeningSettings.Rule::code)
            .toList());
    }

    /**
     * Each connection takes the next rule from the queue until it is empty, in one
     * transaction on the run's snapshot.
     */
    private void runRules(String snapshot, long[] scope, Map<String, Object> params, Queue<String> queue,
            Map<String, Long> millis, Map<String, Long> counts, Consumer<String> progress) {
        int n = Math.max(1, Math.min(parallel, queue.size()));
        ExecutorService workers = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "screening-rules");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(workers.submit(() -> {
                    ruleTransaction(snapshot, scope, params, queue, millis, counts, progress);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        catch (ExecutionException e) {
            queue.clear();
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("screening run interrupted", e);
        }
        finally {
            workers.shutdown();
        }
    }

    private void ruleTransaction(String snapshot, long[] scope, Map<String, Object> params, Queue<String> queue,
            Map<String, Long> millis, Map<String, Long> counts, Consumer<String> progress) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            JdbcClient on = JdbcClient.create(new SingleConnectionDataSource(con, true));
            on.sql("start transaction isolation level repeatable read").update();
            try {
                on.sql("set transaction snapshot '" + snapshot.replace("'", "") + "'").update();
                // Hash tables of the pattern rules (up to a million keys) stay in memory
                // instead of spilling to disk.
                on.sql("set local work_mem = '256MB'").update();
                if (scope != null) {
                    // Named explicitly (the temporary schema is searched first anyway)
                    // so that plans the connection cached for statements of an earlier,
                    // unscoped run are made again against the stand-in.
                    on.sql("set local search_path = pg_temp, public").update();
                    on.sql("""
                            create temp table screening_case on commit drop as
                            select * from public.screening_case where id = any(:ids)
                            """).param("ids", scope).update();
                    on.sql("analyze screening_case").update();
                }
                for (String rule = queue.poll(); rule != null; rule = queue.poll()) {
                    long start = System.nanoTime();
                    long found = 0;
                    for (String sql : ScreeningRules.SQL.get(rule)) {
                        long rows = on.sql(sql).params(params).update();
                        found += ScreeningRules.preparation(sql) ? 0 : rows;
                    }
                    millis.put(rule, (System.nanoTime() - start) / 1_000_000);
                    counts.put(rule, found);
                    if (progress != null) {
                        progress.accept(rule + " " + found + " (" + millis.get(rule) + " ms)");
                    }
                }
                on.sql("commit").update();
            }
            catch (RuntimeException e) {
                on.sql("rollback").update();
                throw e;
            }
        }
    }

    /**
     * Subjects aggregated, decisions carried over, the run marked done and audited, in
     * one transaction: until it commits the pages show the previous run.
     */
    private RunResult finish(UUID id, Trigger trigger, List<String> rules, Map<String, Object> data,
            Map<String, Long> millisOf, Map<String, Long> found) {
        long cases = ((Number) data.get("n")).longValue();
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rule : rules) {
            millis.put(rule, millisOf.getOrDefault(rule, 0L));
            counts.put(rule, found.getOrDefault(rule, 0L));
        }
        if (aggregateSubjects(id) > 0) {
            // The counts per rule as written: a subject found in several groups is one
            // finding.
            Map<String, Long> written = new LinkedHashMap<>();
            jdbc.sql("select rule, count(*) as n from screening_finding where run_id = :run group by rule")
                .param("run", id)
                .query(rs -> {
                    written.put(rs.getString("rule"), rs.getLong("n"));
                });
            counts.replaceAll((rule, n) -> written.getOrDefault(rule, 0L));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        carryOverDecisions(id);
        jdbc.sql("update screening_run set status = 'DONE', finished_at = :at, finding_count = :n where id = :id")
            .param("at", Timestamp.from(clock.instant()))
            .param("n", total)
            .param("id", id)
            .update();
        events.publishEvent(AuditEvent.change("screening.run", "screening_run", id, Map.of(),
                Map.of("trigger", trigger.name(), "cases", cases, "findings", total, "rules", rules)));
        return new RunResult(id, cases, total, millis, counts);
    }

    /**
     * One finding per subject and rule: the rules find a subject per group (an officer
     * per violation and circumstance, a unit per facts text, a vehicle per officer), and
     * a subject found in several groups becomes one finding with the highest severity of
     * its groups, all their cases, and each group's figures in {@code groups} (most
     * severe first) for its explanation. The top group's key and arguments stay on the
     * row, so that a decision on it carries over as before.
     */
    int aggregateSubjects(UUID run) {
        int merged = jdbc
            .sql("""
                    with g as materialized (
                        select f.*, case f.severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end as rank,
                               row_number() over (partition by f.rule, f.subject_type, f.subject_id
                                                  order by case f.severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end desc,
                                                           cardinality(f.case_ids) desc, f.explain_key, f.args::text) as pos,
                               count(*) over (partition by f.rule, f.subject_type, f.subject_id) as groups_n
                        from screening_finding f where f.run_id = :run and f.subject_type <> 'CASE'
                    ), m as (
                        select * from g where groups_n > 1
                    ), c as (
                        select rule, subject_type, subject_id, array_agg(distinct i order by i) as ids
                        from m cross join unnest(m.case_ids) i group by 1, 2, 3
                    ), a as (
                        select rule, subject_type, subject_id, max(rank) as rank, max(period) as period,
                               max(officer) as any_officer, mode() within group (order by unit_id) as unit_id,
                               jsonb_agg(jsonb_build_object('severity', severity, 'key', explain_key, 'args', to_jsonb(args),
                                                            'cases', cardinality(case_ids)) order by pos) as groups
                        from m group by 1, 2, 3
                    )
                    insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity, case_ids,
                                                   explain_key, args, unit_id, officer, period, groups)
                    select :run, a.rule, t.category, a.subject_type, a.subject_id, (array['LOW', 'MEDIUM', 'HIGH'])[a.rank],
                           c.ids, t.explain_key, t.args, coalesce(a.unit_id, t.unit_id), coalesce(t.officer, a.any_officer),
                           a.period, a.groups
                    from a join c using (rule, subject_type, subject_id)
                    join m t on t.rule = a.rule and t.subject_type = a.subject_type and t.subject_id = a.subject_id and t.pos = 1
                    """)
            .param("run", run)
            .update();
        jdbc.sql("""
                delete from screening_finding f
                where f.run_id = :run and f.groups is null and f.subject_type <> 'CASE'
                  and exists (select 1 from screening_finding a where a.run_id = :run and a.groups is not null
                              and a.rule = f.rule and a.subject_type = f.subject_type and a.subject_id = f.subject_id)
                """).param("run", run).update();
        return merged;
    }

    /**
     * Same rule, subject and cases as a decided finding of an earlier run: the decision
     * stands.
     */
    private void carryOverDecisions(UUID run) {
        jdbc.sql("""
                update screening_finding f set status = p.status, dismiss_reason = p.dismiss_reason,
                       decided_by = p.decided_by, decided_at = p.decided_at, problem_ref = p.problem_ref
                from (select distinct on (rule, subject_type, subject_id, explain_key) *
                      from screening_finding where status <> 'OPEN' and run_id <> :run
                      order by rule, subject_type, subject_id, explain_key, decided_at desc) p
                where f.run_id = :run and f.rule = p.rule and f.subject_type = p.subject_type
                  and f.subject_id = p.subject_id and f.explain_key = p.explain_key
                """).param("run", run).update();
    }

}

package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs every enabled rule over all imported cases, in the database, and records the run: who, when, which data
 * (case count, decision dates, imports), which rules and which settings. A finding that a person already
 * dismissed or turned into a problem keeps that decision when the same signal comes back in a later run.
 */
@Service
public class Screening {

    public enum Trigger { WEB, COMMAND, SCHEDULE }

    /** Outcome of a run; {@code millis} and {@code counts} per rule. */
    public record RunResult(UUID id, long caseCount, long findingCount, Map<String, Long> millis,
                            Map<String, Long> counts) {
    }

    private final JdbcClient jdbc;
    private final ScreeningSettings settings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Screening(JdbcClient jdbc, ScreeningSettings settings, TransactionTemplate tx, ApplicationEventPublisher events,
              Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    public RunResult run(Trigger trigger, String actor, Consumer<String> progress) {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(7171040)").query().singleRow();
            // Hash tables of the pattern rules (up to a million keys) stay in memory instead of spilling to disk.
            jdbc.sql("set local work_mem = '256MB'").update();
            Map<String, Object> params = new LinkedHashMap<>(settings.parameters());
            List<String> rules = settings.rules().stream().filter(ScreeningSettings.Rule::enabled)
                    .map(ScreeningSettings.Rule::code).toList();
            UUID id = UUID.randomUUID();
            Map<String, Object> data = jdbc.sql("""
                    select coalesce(sum(n), 0) as n, min(dfrom) as dfrom, max(dto) as dto,
                           string_agg(import_id::text, ',' order by import_id) as imports
                    from (select import_id, count(*) as n, min(decided_on) as dfrom, max(decided_on) as dto
                          from screening_case group by import_id) i
                    """).query().singleRow();
            jdbc.sql("""
                    insert into screening_run (id, started_by, trigger, started_at, status, case_count, decided_from,
                                               decided_to, imports, rules, settings)
                    values (:id, :by, :trigger, :at, 'RUNNING', :n, :dfrom, :dto, :imports, :rules, :settings::jsonb)
                    """).param("id", id).param("by", actor).param("trigger", trigger.name())
                    .param("at", Timestamp.from(clock.instant())).param("n", data.get("n"))
                    .param("dfrom", data.get("dfrom")).param("dto", data.get("dto"))
                    .param("imports", data.get("imports")).param("rules", String.join(",", rules))
                    .param("settings", JsonMapper.builder().build().writeValueAsString(params)).update();
            params.put("run", id);
            Map<String, Long> millis = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            for (String rule : rules) {
                long start = System.nanoTime();
                long n = 0;
                for (String sql : ScreeningRules.SQL.get(rule)) {
                    long rows = jdbc.sql(sql).params(params).update();
                    n += ScreeningRules.preparation(sql) ? 0 : rows;
                }
                millis.put(rule, (System.nanoTime() - start) / 1_000_000);
                counts.put(rule, n);
                total += n;
                if (progress != null) {
                    progress.accept(rule + " " + n + " (" + millis.get(rule) + " ms)");
                }
            }
            carryOverDecisions(id);
            jdbc.sql("update screening_run set status = 'DONE', finished_at = :at, finding_count = :n where id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("n", total).param("id", id).update();
            events.publishEvent(AuditEvent.change("screening.run", "screening_run", id, Map.of(),
                    Map.of("trigger", trigger.name(), "cases", data.get("n"), "findings", total, "rules", rules)));
            return new RunResult(id, ((Number) data.get("n")).longValue(), total, millis, counts);
        });
    }

    /** Same rule, subject and cases as a decided finding of an earlier run: the decision stands. */
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

package org.duban.todo;

import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark, not a test (excluded from the default run by its name;
 * {@code bench/todo-bench.sh} runs it): seeds 100,000 problems and 50,000 complaints
 * spread over the county's units and statuses, then, for the squad, the work team and the
 * leader, times the to-do list (the page's query and the badge's count) as it was before
 * the desks were rewritten ({@link TodoListBefore}) and as it is, on the same data in the
 * same run:
 * <ol>
 * <li>before, on the indexes as they were (the to-do migration's indexes dropped);</li>
 * <li>with the to-do migration's indexes, before and after interleaved (so that a noisy
 * machine weighs on both alike), and GET /todo and /todo/badge through MockMvc.</li>
 * </ol>
 * Prints lines starting with "BENCH"; {@code -Dbench.explain=true} also prints
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of each role's queries.
 */
@DubanTest
@Tag("benchmark")
class TodoBenchmark {

    static final List<String> ROLES = List.of("unit", "workteam", "leader");

    /** Enough for the JIT and the templates of the first role measured. */
    static final int WARM_UP = 15;

    static final int RUNS = Integer.getInteger("bench.runs", 40);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits units;

    @Autowired
    TodoList todo;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    WorkingDays workingDays;

    @Test
    void toDoPageAndBadgeOnAHundredThousandProblemsAndFiftyThousandComplaints() throws Exception {
        seed();
        String migration = todoIndexMigration();
        List<String> indexes = indexNames(migration);
        assertThat(indexes).isNotEmpty();
        indexes.forEach(index -> jdbcTemplate.execute("drop index " + index));
        analyze();
        Map<String, String> results = new LinkedHashMap<>();
        for (String login : ROLES) {
            Role role = role(login);
            explain("before, old indexes", role, beforePage(role), beforeCount(role),
                    withLimit(beforeQuery(role).params()));
            results.put(login + " before/old-indexes page", time(List.of(() -> before(role, true))).get(0));
            results.put(login + " before/old-indexes count", time(List.of(() -> before(role, false))).get(0));
        }
        jdbcTemplate.execute(migration);
        analyze();
        // The page and the badge of every role first, so that the first role measured
        // does
        // not pay for the JIT.
        for (int i = 0; i < WARM_UP; i++) {
            for (String login : ROLES) {
                var who = user(role(login).user);
                mvc.perform(get("/todo").with(who)).andExpect(status().isOk());
                mvc.perform(get("/todo/badge").with(who)).andExpect(status().isOk());
            }
        }
        for (String login : ROLES) {
            Role role = role(login);
            explain("before, new indexes", role, beforePage(role), beforeCount(role),
                    withLimit(beforeQuery(role).params()));
            Map<String, Object> after = new java.util.HashMap<>(todo.desks(role.user, role.scope, todo.today()));
            after.put("limit", TodoList.PAGE_SIZE);
            after.put("offset", 0);
            after.put("top", TodoList.PAGE_SIZE);
            explain("after", role, TodoList.PAGE, TodoList.COUNT, after);
            // After: a page of the to-do list as GET /todo reads it, its rows and the
            // total.
            List<String> page = time(
                    List.of(() -> before(role, true), () -> todo.page(role.user, role.scope, 1, TodoList.PAGE_SIZE)));
            List<String> count = time(List.of(() -> before(role, false), () -> todo.count(role.user, role.scope)));
            results.put(login + " before page", page.get(0));
            results.put(login + " after page", page.get(1));
            results.put(login + " before count", count.get(0));
            results.put(login + " after count", count.get(1));
            var who = user(role.user);
            List<String> http = time(List.of(() -> mvc.perform(get("/todo").with(who)).andExpect(status().isOk()),
                    () -> mvc.perform(get("/todo").param("page", "2").with(who)).andExpect(status().isOk()),
                    () -> mvc.perform(get("/todo/badge").with(who)).andExpect(status().isOk())));
            results.put(login + " after GET /todo", http.get(0));
            results.put(login + " after GET /todo?page=2", http.get(1));
            results.put(login + " after GET /todo/badge", http.get(2));
            // (the old union had no 上级交办: they were a query of their own then)
            int handDowns = jdbc.sql("select count(*) from (" + TodoList.DESKS + ") d where d.kind = 'HAND_DOWN'")
                .params(todo.desks(role.user, role.scope, todo.today()))
                .query(Integer.class)
                .single();
            assertThat(todo.count(role.user, role.scope) - handDowns).as(login + ": the same items before and after")
                .isEqualTo(beforeCountValue(role));
        }
        results.forEach((what, figures) -> System.out.printf("BENCH %-36s %s%n", what, figures));
    }

    /** One role's user and data scope. */
    record Role(String login, DubanUser user, DataScope scope) {
    }

    Role role(String login) {
        DubanUser user = (DubanUser) users.loadUserByUsername(login);
        return new Role(login, user, units.scopeOf(user));
    }

    TodoListBefore.Query beforeQuery(Role role) {
        LocalDate today = todo.today();
        var bureau = units.bureauOf(role.user.unitId()).id();
        return TodoListBefore.query(role.user, role.scope, todo.workingDaysBack(today, 3), bureau);
    }

    String beforePage(Role role) {
        return TodoListBefore.page(beforeQuery(role));
    }

    String beforeCount(Role role) {
        return "select count(*) from (" + beforeQuery(role).sql() + ") d";
    }

    static Map<String, Object> withLimit(Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("limit", TodoList.PAGE_LIMIT);
        return all;
    }

    int beforeCountValue(Role role) {
        return jdbc.sql(beforeCount(role)).params(beforeQuery(role).params()).query(Integer.class).single();
    }

    /** The old page's or badge's query, in a read-only transaction as it ran. */
    void before(Role role, boolean page) {
        TodoListBefore.Query q = beforeQuery(role);
        tx.executeWithoutResult(status -> {
            if (page) {
                // The old page also counted each row's working days left, one calendar
                // look-up per row.
                LocalDate today = todo.today();
                workingDays.add(today, TodoList.DUE_SOON_DAYS);
                for (Map<String, Object> row : jdbc.sql(beforePage(role))
                    .params(withLimit(q.params()))
                    .query()
                    .listOfRows()) {
                    if (row.get("due_on") != null) {
                        workingDays.between(today, ((java.sql.Date) row.get("due_on")).toLocalDate());
                    }
                }
            }
            else {
                jdbc.sql(beforeCount(role)).params(q.params()).query(Integer.class).single();
            }
        });
    }

    interface Action {

        void run() throws Exception;

    }

    /**
     * Runs the actions in turn, {@value #WARM_UP} times to warm up and {@link #RUNS}
     * times measured; returns "p50=… p95=… max=…" per action.
     */
    static List<String> time(List<Action> actions) throws Exception {
        if (RUNS == 0) {
            // bench/todo-bench.sh 0: the plans only (with BENCH_EXPLAIN=1)
            return actions.stream().map(a -> "not timed").toList();
        }
        List<List<Long>> millis = new ArrayList<>();
        actions.forEach(a -> millis.add(new ArrayList<>()));
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            for (int a = 0; a < actions.size(); a++) {
                long t = System.nanoTime();
                actions.get(a).run();
                if (i >= WARM_UP) {
                    millis.get(a).add((System.nanoTime() - t) / 100_000);
                }
            }
        }
        List<String> figures = new ArrayList<>();
        for (List<Long> m : millis) {
            Collections.sort(m);
            figures.add("p50=%6.1f ms  p95=%6.1f ms  max=%6.1f ms".formatted(m.get(m.size() / 2) / 10.0,
                    m.get((int) Math.ceil(m.size() * 0.95) - 1) / 10.0, m.get(m.size() - 1) / 10.0));
        }
        return figures;
    }

    void explain(String when, Role role, String page, String count, Map<String, Object> params) {
        if (!Boolean.getBoolean("bench.explain")) {
            return;
        }
        for (String sql : List.of(page, count)) {
            tx.executeWithoutResult(status -> {
                jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
                String plan = String.join("\n",
                        jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list());
                System.out.printf("EXPLAIN %s %s%n%s%n", when, role.login, plan);
            });
        }
    }

    static String todoIndexMigration() throws Exception {
        Resource[] found = new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/migration/V*__todo_desk_indexes.sql");
        assertThat(found).hasSize(1);
        return found[0].getContentAsString(StandardCharsets.UTF_8);
    }

    static List<String> indexNames(String migration) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("create index (\\w+)").matcher(migration);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    void analyze() {
        for (String table : List.of("problem", "complaint", "rectification", "key_task", "report")) {
            jdbcTemplate.execute("vacuum analyze " + table);
        }
    }

    void seed() {
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, category, item_code, unit_id, description,
                                     found_on, confidential, status, assigned_unit_id, due_on, created_by, created_at)
                select gen_random_uuid(), 'T-' || lpad(g::text, 6, '0'),
                       (select id from campaign order by starts_on limit 1), 'SELF_INSPECTION',
                       (array['PROFIT_DRIVEN','IRREGULAR','RIGID','ROUGH','RENT_SEEKING'])[1 + g % 5], null, u.id,
                       'todo benchmark ' || g, date '2023-03-25' + (g % 200), g % 17 = 0,
                       (array['REGISTERED','ASSIGNED','VERIFYING','CONFIRMED','RECTIFYING','RECTIFIED','VERIFIED',
                              'SIGNED_OFF','SIGNED_OFF','SIGNED_OFF','UNFOUNDED'])[1 + g % 11],
                       u.id, date '2023-04-01' + (g % 400), 'bench', now()
                from generate_series(1, 100000) g
                join lateral (select id from org_unit where code like 'OTOGQ%' order by code
                              offset (g % 11) limit 1) u on true
                """).update();
        jdbc.sql(
                """
                        insert into complaint (id, receipt_hash, channel, type, content, anonymous, owner_unit_id,
                                               handling_unit_id, status, submitted_at, acknowledge_due_on, due_on)
                        select gen_random_uuid(), md5(g::text || 'a') || md5(g::text || 'b'), 'WEB', 'ROUGH',
                               'todo benchmark ' || g, true, (select id from org_unit where code = 'OTOGQ'), u.id,
                               (array['SUBMITTED','ACCEPTED','IN_HANDLING','FEEDBACK_REVIEW','ANSWERED','CLOSED','CLOSED',
                                      'CLOSED','DECLINED'])[1 + g % 9],
                               now() - (g % 300) * interval '1 day', date '2023-04-01' + (g % 400), date '2023-04-15' + (g % 400)
                        from generate_series(1, 50000) g
                        join lateral (select id from org_unit where code like 'OTOGQ-%' order by code
                                      offset (g % 10) limit 1) u on true
                        """)
            .update();
    }

}

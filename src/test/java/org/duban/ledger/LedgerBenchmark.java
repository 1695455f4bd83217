package org.duban.ledger;

import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark, not a test: excluded from the default run by its name. Seeds 100,000
 * problems, then measures the filtered list page side by side in one run — first without
 * the indexes of V26 (the schema as it was before, "before"), then with them ("after") —
 * and the .xlsx export of all of them (time, bytes, peak heap). Run with:
 * <pre>./mvnw -B -o test -Dtest=LedgerBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m</pre>
 * Figures are printed as lines starting with "BENCH" (and written to
 * target/ledger-benchmark.txt). "wall" is the server time of the request through MockMvc;
 * "cpu" is the CPU time of the Java thread serving it (without the database's own time),
 * which the other processes on a shared machine disturb much less than the wall clock.
 */
@DubanTest
@Tag("benchmark")
class LedgerBenchmark {

    static final int PROBLEMS = 100_000;
    static final int BEFORE_PER_KIND = 8;
    static final int AFTER_PER_KIND = 30;

    /** The kinds of filtered list request: a name and the query parameters. */
    static final Map<String, String[]> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("category", new String[] { "category", "IRREGULAR" });
        KINDS.put("status", new String[] { "status", "RECTIFYING" });
        KINDS.put("source", new String[] { "source", "COMPLAINT" });
        KINDS.put("overdue", new String[] { "overdue", "true" });
        KINDS.put("unit staff + category", new String[] { "category", "RIGID" });
        KINDS.put("q rare latin", new String[] { "q", "number 4711" });
        KINDS.put("q common CJK 5 chars", new String[] { "q", "称重站违规" });
        KINDS.put("q rare CJK 4 chars", new String[] { "q", "扣押证件" });
        KINDS.put("q common CJK 2 chars", new String[] { "q", "收费" });
        KINDS.put("q rare CJK 2 chars", new String[] { "q", "扣押" });
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    LedgerWorkbooks workbooks;

    @Autowired
    OrgUnits units;

    @Autowired
    ProblemLedger ledger;

    final List<String> report = new ArrayList<>();

    final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void listAndExportOnAHundredThousandProblems() throws Exception {
        long seedStart = System.nanoTime();
        // Four Chinese phrases, one per row in turn; the last one (a rare phrase) on
        // every 997th row instead.
        jdbc.sql(
                """
                        insert into problem (id, reference, campaign_id, source, category, item_code, unit_id, description,
                                             found_on, confidential, status, assigned_unit_id, due_on, created_by, created_at)
                        select gen_random_uuid(), 'B-' || lpad(g::text, 6, '0'),
                               (select id from campaign order by starts_on limit 1),
                               (array['SELF_INSPECTION','COMPLAINT','SURPRISE_INSPECTION','RANDOM_CHECK','RISK_SCREENING'])[1 + g % 5],
                               (array['PROFIT_DRIVEN','IRREGULAR','RIGID','ROUGH','RENT_SEEKING'])[1 + g % 5],
                               null, u.id, 'benchmark problem number ' || g || ' at the weigh station，'
                                   || case when g % 997 = 0 then '执法人员扣押证件不予出具凭证'
                                           else (array['称重站违规收费','超限检测站执法粗暴','路政许可吃拿卡要','运输企业反映乱罚款'])[1 + g % 4] end,
                               date '2023-03-25' + (g % 200), g % 17 = 0,
                               (array['REGISTERED','ASSIGNED','VERIFYING','CONFIRMED','RECTIFYING','SIGNED_OFF'])[1 + g % 6],
                               u.id, date '2023-04-01' + (g % 200), 'bench', now()
                        from generate_series(1, :n) g
                        join lateral (select id from org_unit where code like 'OTOGQ%' order by code
                                      offset (g % 11) limit 1) u on true
                        """)
            .param("n", PROBLEMS)
            .update();
        jdbcTemplate.execute("vacuum analyze problem");
        print("seeded %d problems in %d ms; lc_ctype %s; trigrams of '称重站' %s", PROBLEMS,
                (System.nanoTime() - seedStart) / 1_000_000, jdbc.sql("show lc_ctype").query(String.class).single(),
                jdbc.sql("select show_trgm('称重站')::text").query(String.class).single());

        UserDetails workteam = users.loadUserByUsername("workteam");
        UserDetails unitStaff = users.loadUserByUsername("unit");
        for (int i = 0; i < 20; i++) {
            mvc.perform(
                    get("/problems").param("category", "IRREGULAR").param("status", "ASSIGNED").with(user(workteam)));
        }

        // Side by side: the schema before V26, then V26 applied again.
        String v14 = new String(
                new ClassPathResource("db/migration/V26__ledger_list_indexes.sql").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        Matcher created = Pattern.compile("create index (\\w+)").matcher(v14);
        while (created.find()) {
            jdbcTemplate.execute("drop index " + created.group(1));
        }
        // As V11 created them (V26 replaces them).
        jdbcTemplate.execute("create index problem_list_idx on problem (found_on desc, reference desc)");
        jdbcTemplate.execute("create index problem_category_idx on problem (category, found_on desc)");
        jdbcTemplate.execute("vacuum analyze problem");
        measureList("before (V11 indexes)", BEFORE_PER_KIND, workteam, unitStaff);

        long indexStart = System.nanoTime();
        jdbcTemplate.execute(v14);
        jdbcTemplate.execute("vacuum analyze problem");
        print("V26 indexes built in %d ms", (System.nanoTime() - indexStart) / 1_000_000);
        measureList("after (V26 indexes)", AFTER_PER_KIND, workteam, unitStaff);
        explainEachKind(workteam, unitStaff);

        measureExport(workteam);
        Files.write(Path.of("target", "ledger-benchmark.txt"), report);
    }

    private void measureList(String phase, int perKind, UserDetails workteam, UserDetails unitStaff) throws Exception {
        print("%s, load average %s", phase, loadAverage());
        Map<String, List<long[]>> byKind = new LinkedHashMap<>();
        List<long[]> indexed = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            int n = 0;
            for (var kind : KINDS.entrySet()) {
                n++;
                UserDetails who = kind.getKey().startsWith("unit staff") ? unitStaff : workteam;
                MockHttpServletRequestBuilder request = get("/problems").param(kind.getValue()[0], kind.getValue()[1])
                    .param("page", String.valueOf((i + n) % 7))
                    .param("sort", (i + n) % 2 == 0 ? "foundOn" : "reference")
                    .with(user(who));
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                mvc.perform(request).andExpect(status().isOk());
                long[] sample = { System.nanoTime() - t, threads.getCurrentThreadCpuTime() - cpu };
                byKind.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(sample);
                all.add(sample);
                if (!kind.getKey().endsWith("2 chars")) {
                    indexed.add(sample);
                }
            }
        }
        byKind.forEach((kind, samples) -> print("  %-24s %s", kind, percentiles(samples)));
        print("  %-24s %s", "all but 2-char q", percentiles(indexed));
        print("  %-24s %s", "all", percentiles(all));
    }

    /**
     * The plans of the count and page queries of each kind (first page, default order),
     * as the list runs them.
     */
    private void explainEachKind(UserDetails workteam, UserDetails unitStaff) {
        for (var kind : KINDS.entrySet()) {
            UserDetails who = kind.getKey().startsWith("unit staff") ? unitStaff : workteam;
            SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(who, null, who.getAuthorities()));
            String[] p = kind.getValue();
            ProblemFilter f = new ProblemFilter(null, p[0].equals("category") ? ProblemCategory.valueOf(p[1]) : null,
                    null, p[0].equals("source") ? ProblemSource.valueOf(p[1]) : null, null,
                    p[0].equals("status") ? ProblemStatus.valueOf(p[1]) : null,
                    p[0].equals("overdue") ? Boolean.TRUE : null, null, null, p[0].equals("q") ? p[1] : null, null,
                    null, null, null);
            print("plan %s:", kind.getKey());
            ledger.explainList(f, units.scopeOf((DubanUser) who))
                .stream()
                .filter(line -> line.contains("Scan") || line.contains("Execution Time")
                        || line.contains("Sort Method"))
                .forEach(line -> print("    %s", line.replaceAll("'\\{[^}]*}'::uuid\\[]", ":units")));
            SecurityContextHolder.clearContext();
        }
    }

    private static String percentiles(List<long[]> samples) {
        List<Long> wall = new ArrayList<>(samples.stream().map(s -> s[0]).toList());
        List<Long> cpu = new ArrayList<>(samples.stream().map(s -> s[1]).toList());
        Collections.sort(wall);
        Collections.sort(cpu);
        return String.format(Locale.ROOT,
                "n %3d  wall p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms   cpu p50 %5.1f ms  p95 %5.1f ms", wall.size(),
                at(wall, 0.50), at(wall, 0.95), wall.get(wall.size() - 1) / 1e6, at(cpu, 0.50), at(cpu, 0.95));
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double at(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    private void measureExport(UserDetails workteam) throws Exception {
        var auth = new UsernamePasswordAuthenticationToken(workteam, null, workteam.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
            .stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        AtomicLong bytes = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        String load = loadAverage();
        long cpu = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        workbooks.writeProblems(ProblemFilter.none(), units.scopeOf((DubanUser) workteam), false, Locale.CHINA,
                counting);
        long exportMs = (System.nanoTime() - t) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        sampler.interrupt();
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        SecurityContextHolder.clearContext();
        print("xlsx export of all %d problems: %d ms wall, %d ms cpu of the exporting thread, %.1f MB written, "
                + "heap used before %.0f MB, sampled peak heap used %.0f MB, sum of heap pool peaks %.0f MB, "
                + "max heap %.0f MB; load average before %s", PROBLEMS, exportMs, cpuMs, bytes.get() / 1e6,
                before / 1e6, peak.get() / 1e6, poolPeaks / 1e6, Runtime.getRuntime().maxMemory() / 1e6, load);
        assertThat(bytes.get()).isPositive();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (Exception e) {
            return "unknown";
        }
    }

    private void print(String format, Object... args) {
        String line = "BENCH " + String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.add(line);
    }

}

package org.duban.ledger;

import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark, not a test: excluded from the default run by its name. Seeds 100,000 problems, then measures the
 * filtered list page (server time through MockMvc, p50/p95 over 200 requests) and the .xlsx export of all of them
 * (time, bytes, peak heap). Run with:
 * <pre>./mvnw -B -o test -Dtest=LedgerBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m</pre>
 * Figures are printed as lines starting with "BENCH".
 */
@DubanTest
@Tag("benchmark")
class LedgerBenchmark {

    static final int PROBLEMS = 100_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerWorkbooks workbooks;
    @Autowired
    OrgUnits units;

    @Test
    void listAndExportOnAHundredThousandProblems() throws Exception {
        long seedStart = System.nanoTime();
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, category, item_code, unit_id, description,
                                     found_on, confidential, status, assigned_unit_id, due_on, created_by, created_at)
                select gen_random_uuid(), 'B-' || lpad(g::text, 6, '0'),
                       (select id from campaign order by starts_on limit 1),
                       (array['SELF_INSPECTION','COMPLAINT','SURPRISE_INSPECTION','RANDOM_CHECK','RISK_SCREENING'])[1 + g % 5],
                       (array['PROFIT_DRIVEN','IRREGULAR','RIGID','ROUGH','RENT_SEEKING'])[1 + g % 5],
                       null, u.id, 'benchmark problem number ' || g || ' at the weigh station',
                       date '2023-03-25' + (g % 200), g % 17 = 0,
                       (array['REGISTERED','ASSIGNED','VERIFYING','CONFIRMED','RECTIFYING','SIGNED_OFF'])[1 + g % 6],
                       u.id, date '2023-04-01' + (g % 200), 'bench', now()
                from generate_series(1, :n) g
                join lateral (select id from org_unit where code like 'OTOGQ%' order by code
                              offset (g % 11) limit 1) u on true
                """).param("n", PROBLEMS).update();
        jdbc.sql("analyze problem").update();
        System.out.printf("BENCH seeded %d problems in %d ms%n", PROBLEMS, (System.nanoTime() - seedStart) / 1_000_000);

        var workteam = users.loadUserByUsername("workteam");
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/problems").param("category", "IRREGULAR").param("status", "ASSIGNED").with(user(workteam)));
        }
        List<Long> times = new ArrayList<>();
        java.util.Map<String, List<Long>> byFilter = new java.util.TreeMap<>();
        String[][] filters = {{"category", "IRREGULAR"}, {"status", "RECTIFYING"}, {"overdue", "true"},
                {"q", "number 4711"}, {"source", "COMPLAINT"}};
        for (int i = 0; i < 200; i++) {
            String[] f = filters[i % filters.length];
            long t = System.nanoTime();
            mvc.perform(get("/problems").param(f[0], f[1]).param("page", String.valueOf(i % 7))
                            .param("sort", i % 2 == 0 ? "foundOn" : "reference").with(user(workteam)))
                    .andExpect(status().isOk());
            times.add(System.nanoTime() - t);
            byFilter.computeIfAbsent(f[0] + "=" + f[1], k -> new ArrayList<>()).add(System.nanoTime() - t);
        }
        byFilter.forEach((k, v) -> {
            Collections.sort(v);
            System.out.printf("BENCH   %s: p50 %.1f ms, p95 %.1f ms%n", k, v.get(v.size() / 2) / 1e6,
                    v.get((int) (v.size() * 0.95)) / 1e6);
        });
        Collections.sort(times);
        System.out.printf("BENCH list page (filter, 25 rows, sorted, paged) over 200 requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                times.get(99) / 1e6, times.get(189) / 1e6, times.get(199) / 1e6);

        var auth = new UsernamePasswordAuthenticationToken(workteam, null, workteam.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
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
        long t = System.nanoTime();
        workbooks.writeProblems(ProblemFilter.none(), units.scopeOf((DubanUser) workteam), false, Locale.CHINA, counting);
        long exportMs = (System.nanoTime() - t) / 1_000_000;
        sampler.interrupt();
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        SecurityContextHolder.clearContext();
        System.out.printf("BENCH xlsx export of all %d problems: %d ms, %.1f MB written, heap used before %.0f MB, "
                        + "sampled peak heap used %.0f MB, sum of heap pool peaks %.0f MB, max heap %.0f MB%n",
                PROBLEMS, exportMs, bytes.get() / 1e6, before / 1e6, peak.get() / 1e6, poolPeaks / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        assertThat(bytes.get()).isPositive();
    }
}

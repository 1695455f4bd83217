package org.duban.reporting;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark, not a test (excluded from the default run by its name). Seeds 100,000
 * problems in the demonstration county (鄂托克前旗) spread over March–October 2023, then
 * measures drafting a monthly report (POST /reports: figures, breakdowns, overdue items,
 * narrative) plus exporting it (GET /reports/{id}/docx), server time through MockMvc, and
 * the same for the summary report, which counts all 100,000. Run with:
 * <pre>./mvnw -B -o test -Dtest=ReportingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Figures are printed as lines starting with "BENCH". The first monthly report is the
 * first export after the background warm-up ({@link DocumentWarmUp}); add
 * {@code -Dduban.reporting.warm-up=false} to measure it cold.
 */
@DubanTest
@Tag("benchmark")
class ReportingBenchmark {

    static final int PROBLEMS = 100_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    DocumentWarmUp warmUp;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login))).with(csrf());
    }

    @Test
    void draftAndExportOnAHundredThousandProblems() throws Exception {
        long seedStart = System.nanoTime();
        jdbc.sql(
                """
                        insert into problem (id, reference, campaign_id, source, category, unit_id, description, found_on,
                                             confidential, status, due_on, created_by, created_at)
                        select gen_random_uuid(), 'RB-' || lpad(g::text, 6, '0'), (select id from campaign order by starts_on limit 1),
                               (array['SELF_INSPECTION','COMPLAINT','RANDOM_CHECK','RISK_SCREENING'])[1 + g % 4],
                               (array['PROFIT_DRIVEN','IRREGULAR','RIGID','ROUGH','RENT_SEEKING'])[1 + g % 5],
                               (select id from org_unit where code = (array['OTOGQ-SQUAD-1','OTOGQ-SQUAD-2','OTOGQ-ROADS'])[1 + g % 3]),
                               'benchmark problem ' || g, date '2023-03-01' + (g % 240), g % 17 = 0,
                               (array['REGISTERED','ASSIGNED','VERIFYING','CONFIRMED','UNFOUNDED','RECTIFYING','RECTIFIED','VERIFIED','SIGNED_OFF'])[1 + g % 9],
                               date '2023-03-01' + (g % 240) + 30, 'bench', now()
                        from generate_series(1, :n) g
                        """)
            .param("n", PROBLEMS)
            .update();
        jdbc.sql("analyze problem").update();
        System.out.printf("BENCH seed %d problems: %d ms%n", PROBLEMS, (System.nanoTime() - seedStart) / 1_000_000);
        // The warm-up runs in the background after start-up (DocumentWarmUp); round 0 is
        // the first export after it.
        // -Dduban.reporting.warm-up=false measures the cold first export instead.
        java.time.Duration warm = warmUp.done().get(5, java.util.concurrent.TimeUnit.MINUTES);
        System.out.printf("BENCH warm-up %s: %d ms (background thread after ApplicationReadyEvent)%n",
                warm.isZero() ? "disabled" : "done", warm.toMillis());
        String campaign = jdbc.sql("select id::text from campaign order by starts_on limit 1")
            .query(String.class)
            .single();
        for (int round = 0; round < 3; round++) {
            measure(campaign, "MONTHLY", "2023-0" + (5 + round), round);
        }
        measure(campaign, "SUMMARY", "2023-09", 0);
    }

    private void measure(String campaign, String kind, String month, int round) throws Exception {
        long start = System.nanoTime();
        String location = mvc
            .perform(as("workteam",
                    post("/reports").param("campaignId", campaign).param("kind", kind).param("month", month)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long drafted = System.nanoTime();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        byte[] docx = mvc.perform(as("workteam", get("/reports/" + id + "/docx")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        long exported = System.nanoTime();
        long found = jdbc.sql(
                "select value from report_figure where report_id = :id and version_no = 0 and figure = 'problemsFound'")
            .param("id", id)
            .query(Long.class)
            .single();
        assertThat(found).isPositive();
        System.out.printf(
                "BENCH %s %s (round %d, %d problems counted): draft %d ms, docx %d ms (%d bytes), total %d ms%n", kind,
                month, round, found, (drafted - start) / 1_000_000, (exported - drafted) / 1_000_000, docx.length,
                (exported - start) / 1_000_000);
    }

}

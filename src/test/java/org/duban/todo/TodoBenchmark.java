package org.duban.todo;

import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark, not a test (excluded from the default run by its name): seeds 100,000
 * problems and 50,000 complaints spread over the county's units and statuses, then times
 * GET /todo and the badge for the squad and the work team.
 * <pre>./mvnw -B -o test -Dtest=TodoBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Prints lines starting with "BENCH".
 */
@DubanTest
@Tag("benchmark")
class TodoBenchmark {

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

    @Test
    void toDoPageAndBadgeOnAHundredThousandProblemsAndFiftyThousandComplaints() throws Exception {
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
        jdbcTemplate.execute("vacuum analyze problem");
        jdbcTemplate.execute("vacuum analyze complaint");
        for (String login : List.of("unit", "workteam", "leader")) {
            var who = user(users.loadUserByUsername(login));
            for (String path : List.of("/todo", "/todo/badge")) {
                for (int i = 0; i < 5; i++) {
                    mvc.perform(get(path).with(who)).andExpect(status().isOk());
                }
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    long t = System.nanoTime();
                    mvc.perform(get(path).with(who)).andExpect(status().isOk());
                    millis.add((System.nanoTime() - t) / 1_000_000);
                }
                Collections.sort(millis);
                System.out.printf("BENCH %s %s p50=%d ms p95=%d ms max=%d ms%n", login, path,
                        millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                        millis.get(millis.size() - 1));
            }
        }
    }

}

package org.duban.handdown;

import org.duban.support.DubanTest;
import org.duban.support.TestUnits;
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
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark, not a test (excluded from the default run by its name): a simulated province
 * beside the demonstration — 1 province bureau, 12 cities, 100 counties (each with an
 * office, a brigade and a squad), {@code levels.problems} problems (default 100,000) and
 * half as many complaints spread over the counties' units, 10 items handed down by each
 * city to each of its counties and by the province to each city — then times, warm, the
 * dashboard and 我的待办 of the province (SUPERIOR), one city (SUPERIOR and work team) and
 * one county's work team. <pre>bench/levels-bench.sh</pre> Prints lines starting with
 * "BENCH".
 */
@DubanTest
@Tag("benchmark")
class LevelsBenchmark {

    static final int CITIES = 12;

    static final int COUNTIES = 100;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    UUID unit(UUID parent, String code, String name, String kind) {
        return TestUnits.unit(jdbc, parent, code, name, kind);
    }

    void account(String login, UUID unit, String role) {
        TestUnits.account(jdbc, login, unit, role);
    }

    @Test
    void dashboardsAndToDoListsOfAProvinceACityAndACounty() throws Exception {
        int problems = Integer.getInteger("levels.problems", 100_000);
        UUID province = unit(null, "BENCH-PROV", "bench province", "PROVINCE_BUREAU");
        account("bench-province", province, "SUPERIOR");
        List<UUID> cities = new ArrayList<>();
        for (int c = 0; c < CITIES; c++) {
            UUID city = unit(province, "BENCH-C" + c, "bench city " + c, "CITY_BUREAU");
            UUID law = unit(city, "BENCH-C" + c + "-LAW", "bench city law office " + c, "OFFICE");
            cities.add(city);
            if (c == 0) {
                account("bench-city", city, "SUPERIOR");
                account("bench-city-workteam", law, "WORK_TEAM");
            }
        }
        for (int k = 0; k < COUNTIES; k++) {
            UUID city = cities.get(k % CITIES);
            UUID county = unit(city, "BENCH-K" + k, "bench county " + k, "COUNTY_BUREAU");
            UUID office = unit(county, "BENCH-K" + k + "-OFFICE", "office " + k, "OFFICE");
            UUID brigade = unit(county, "BENCH-K" + k + "-BRIGADE", "brigade " + k, "BRIGADE");
            unit(brigade, "BENCH-K" + k + "-SQUAD", "squad " + k, "SQUAD");
            if (k == 0) {
                account("bench-county-workteam", office, "WORK_TEAM");
            }
        }
        jdbc.sql("""
                insert into campaign (id, owner_unit_id, title, issuing_agency, starts_on, status)
                select gen_random_uuid(), id, 'bench campaign', name, date '2023-03-01', 'ACTIVE'
                from org_unit where code like 'BENCH-%' and kind in ('PROVINCE_BUREAU', 'CITY_BUREAU', 'COUNTY_BUREAU')
                """).update();
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, category, unit_id, description, found_on,
                                     status, assigned_unit_id, due_on, created_by, created_at)
                select gen_random_uuid(), 'LB-' || lpad(g::text, 7, '0'),
                       (select id from campaign where title = 'bench campaign' limit 1), 'SELF_INSPECTION',
                       (array['PROFIT_DRIVEN','IRREGULAR','RIGID','ROUGH','RENT_SEEKING'])[1 + g % 5], u.id,
                       'levels benchmark ' || g, date '2023-03-25' + (g % 200),
                       (array['REGISTERED','ASSIGNED','VERIFYING','CONFIRMED','RECTIFYING','RECTIFIED','VERIFIED',
                              'SIGNED_OFF','SIGNED_OFF','SIGNED_OFF','UNFOUNDED'])[1 + g % 11],
                       u.id, date '2023-04-01' + (g % 400), 'bench', now()
                from generate_series(1, :n) g
                join (select id, row_number() over (order by code) - 1 as i from org_unit
                      where code like 'BENCH-K%' and kind <> 'COUNTY_BUREAU') u on u.i = g % (3 * :counties)
                """).param("n", problems).param("counties", COUNTIES).update();
        jdbc.sql(
                """
                        insert into complaint (id, receipt_hash, channel, type, content, anonymous, owner_unit_id,
                                               handling_unit_id, status, submitted_at, acknowledge_due_on, due_on)
                        select gen_random_uuid(), md5(g::text || 'lb') || md5(g::text || 'lc'), 'WEB', 'ROUGH',
                               'levels benchmark ' || g, true, u.county, u.id,
                               (array['SUBMITTED','ACCEPTED','IN_HANDLING','FEEDBACK_REVIEW','ANSWERED','CLOSED','CLOSED',
                                      'CLOSED','DECLINED'])[1 + g % 9],
                               now() - (g % 300) * interval '1 day', date '2023-04-01' + (g % 400), date '2023-04-15' + (g % 400)
                        from generate_series(1, :n) g
                        join (select o.id, o.parent_id as county, row_number() over (order by o.code) - 1 as i from org_unit o
                              where o.code like 'BENCH-K%-OFFICE') u on u.i = g % :counties
                        """)
            .param("n", problems / 2)
            .param("counties", COUNTIES)
            .update();
        jdbc.sql("""
                insert into hand_down (id, kind, from_unit_id, to_unit_id, title, description, working_days, issued_on,
                                       due_on, status, created_by, created_at)
                select gen_random_uuid(), 'CASE', b.parent_id, b.id, 'bench hand-down ' || g, 'bench', 10,
                       date '2023-05-01' + g, date '2023-05-15' + g,
                       (array['ISSUED','REPORTED','RETURNED','ACCEPTED','ACCEPTED'])[1 + g % 5], 'bench', now()
                from org_unit b cross join generate_series(1, 10) g
                where b.code like 'BENCH-%' and b.kind in ('CITY_BUREAU', 'COUNTY_BUREAU')
                """).update();
        for (String table : List.of("org_unit", "problem", "complaint", "hand_down", "campaign")) {
            jdbcTemplate.execute("vacuum analyze " + table);
        }
        for (String login : List.of("bench-county-workteam", "bench-city-workteam", "bench-city", "bench-province")) {
            var who = user(users.loadUserByUsername(login));
            for (String path : List.of("/dashboard", "/todo", "/handdowns")) {
                for (int i = 0; i < 3; i++) {
                    mvc.perform(get(path).with(who)).andExpect(status().isOk());
                }
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
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

package org.duban.web;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * With the server's default zone set to UTC (as on a typical container), pages that show
 * a time show it in the bureau's zone, Asia/Shanghai: the newest time each page lists,
 * read from the database, appears as Beijing time.
 */
@DubanTest
class BureauZoneTest {

    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    TimeZone serverZone;

    @BeforeEach
    void runTheServerInUtc() {
        serverZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restoreTheZone() {
        TimeZone.setDefault(serverZone);
    }

    @ParameterizedTest(name = "{1} shows Beijing time")
    @CsvSource(delimiter = '|', value = {
            "admin    | /draws                | select max(committed_at) from random_draw",
            "workteam | /complaints?status=   | select max(c.submitted_at) from complaint c join org_unit o on o.id = c.owner_unit_id where o.code like $$OTOGQ%$$",
            "admin    | /screening/runs       | select max(started_at) from screening_run",
            "admin    | /screening/imports    | select max(started_at) from screening_import", })
    void aPageShowsItsTimesInTheBureauZone(String login, String path, String newest) throws Exception {
        Timestamp at = jdbc.sql(newest).query(Timestamp.class).optional().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(at != null, "the demonstration data holds a time for " + path);
        String page = mvc.perform(get(path).with(user(users.loadUserByUsername(login))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        String beijing = MINUTES.format(at.toInstant().atZone(BUREAU));
        String utc = MINUTES.format(at.toInstant().atZone(ZoneId.of("UTC")));
        assertThat(page).contains(beijing).doesNotContain(utc);
    }

    @Test
    void aDayShownForAnInstantIsTheBureausDay() throws Exception {
        // 20:30 UTC on 30 June is 04:30 on 1 July in Beijing: the suggestion list shows
        // the 1st.
        jdbc.sql("""
                insert into suggestion (id, unit_id, topic, text, created_at)
                select gen_random_uuid(), id, 'OTHER', 'zone-day-check suggestion', timestamptz '2023-06-30 20:30:00+00'
                from org_unit where code = 'OTOGQ'
                """).update();
        String page = mvc
            .perform(get("/suggestions").param("q", "zone-day-check").with(user(users.loadUserByUsername("workteam"))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2023-07-01").doesNotContain("2023-06-30");
    }

}

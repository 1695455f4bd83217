package org.duban.reporting;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counties' monthly reports to the city: the demonstration's months and stages, and
 * the month rules.
 */
@DubanTest
class MonthlyReportsOfTheCountiesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login))).with(csrf());
    }

    String campaignOf(String county) {
        return jdbc.sql("""
                select c.id::text from campaign c join org_unit o on o.id = c.owner_unit_id where o.code = :code
                """).param("code", county).query(String.class).single();
    }

    @Test
    void eachCountyReportedMarchToOctober2023AtEveryStageAndTheCityReceivedThem() throws Exception {
        for (String county : new String[] { "OTOGQ", "OTOG", "HANGJIN" }) {
            assertThat(jdbc
                .sql("""
                        select count(*) from report r join org_unit o on o.id = r.unit_id
                        where o.code = :code and r.kind = 'MONTHLY' and r.period between date '2023-03-01' and date '2023-10-01'
                          and r.campaign_id = cast(:campaign as uuid)
                        """)
                .param("code", county)
                .param("campaign", campaignOf(county))
                .query(Long.class)
                .single()).as(county).isEqualTo(8);
        }
        assertThat(jdbc.sql("select distinct status from report").query(String.class).list()).contains("DRAFT",
                "APPROVED", "SUBMITTED", "RECEIVED", "RETURNED");
        // Returned once with a comment, then received on its second version.
        assertThat(jdbc.sql("""
                select count(*) from report_version where outcome = 'RETURNED' and comment is not null
                """).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from report where submitted_version = 2 and status = 'RECEIVED'")
            .query(Long.class)
            .single()).isPositive();
        // Every step of the demonstration (the counties' reports under their own
        // campaigns) lies in 2023.
        assertThat(jdbc
            .sql("""
                    select count(*) from report_version v join report r on r.id = v.report_id
                    join campaign c on c.id = r.campaign_id and c.owner_unit_id = r.unit_id
                    where extract(year from v.submitted_at at time zone 'Asia/Shanghai') <> 2023
                       or (v.decided_at is not null and extract(year from v.decided_at at time zone 'Asia/Shanghai') <> 2023)
                    """)
            .query(Long.class)
            .single()).isZero();
        String inbox = mvc.perform(as("city", get("/reports")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(inbox).contains("鄂托克前旗交通运输局", "鄂托克旗交通运输局", "杭锦旗交通运输局");
    }

    @Test
    void aMonthThatHasNotEndedAnUnknownMonthAndASecondReportForAMonthAreRefusedWithAMessage() throws Exception {
        String campaign = campaignOf("OTOGQ");
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        mvc.perform(as("workteam", post("/reports")).param("campaignId", campaign)
            .param("kind", "MONTHLY")
            .param("month", thisMonth))
            .andExpect(redirectedUrl("/reports"))
            .andExpect(flash().attribute("refusal", "report.refused.monthNotEnded"));
        mvc.perform(as("workteam", post("/reports")).param("campaignId", campaign)
            .param("kind", "MONTHLY")
            .param("month", "2023-13"))
            .andExpect(redirectedUrl("/reports"))
            .andExpect(flash().attribute("refusal", "report.refused.monthUnknown"));
        mvc.perform(as("workteam", post("/reports")).param("campaignId", campaign)
            .param("kind", "MONTHLY")
            .param("month", "2023-05"))
            .andExpect(redirectedUrl("/reports"))
            .andExpect(flash().attribute("refusal", "report.refused.monthTaken"));
        assertThat(jdbc.sql("select count(*) from report where period > :today")
            .param("today", LocalDate.now())
            .query(Long.class)
            .single()).isZero();
    }

}

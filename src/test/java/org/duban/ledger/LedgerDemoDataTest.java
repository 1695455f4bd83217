package org.duban.ledger;

import org.duban.audit.AuditTrail;
import org.duban.support.DubanTest;
import org.duban.support.WithAuditor;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demonstration ledger: every stage of the life cycle, every source and kind, overdue
 * items, accountability.
 */
@DubanTest
class LedgerDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    /**
     * Demonstration problems are dated back before today; those the other tests register
     * are dated now.
     */
    static final String DEMO = " from problem p where cast(p.created_at at time zone 'Asia/Shanghai' as date)"
            + " < cast(now() at time zone 'Asia/Shanghai' as date)";

    /** Rows of one county's units. */
    static final String OF_COUNTY = " and p.unit_id in (select u.id from org_unit u join org_unit c on u.path like c.path || '%'"
            + " where c.code = :county)";

    List<String> distinct(String column) {
        return jdbc.sql("select distinct p." + column + DEMO).query(String.class).list();
    }

    @Test
    void everyStageSourceAndKindIsThere() {
        // The founding county has the full ledger; the two other counties of the city
        // have their own, smaller ones.
        assertThat(jdbc.sql("select count(*)" + DEMO + OF_COUNTY).param("county", "OTOGQ").query(Long.class).single())
            .isBetween(20L, 30L);
        for (String county : List.of("OTOG", "HANGJIN")) {
            assertThat(
                    jdbc.sql("select count(*)" + DEMO + OF_COUNTY).param("county", county).query(Long.class).single())
                .as(county)
                .isBetween(4L, 10L);
        }
        assertThat(distinct("status")).containsAll(Arrays.stream(ProblemStatus.values()).map(Enum::name).toList());
        assertThat(distinct("category")).containsAll(Arrays.stream(ProblemCategory.values()).map(Enum::name).toList());
        assertThat(distinct("source")).contains("SELF_INSPECTION", "COMPLAINT", "SURPRISE_INSPECTION",
                "UNANNOUNCED_VISIT", "RANDOM_CHECK", "SUPERIOR_REFERRAL", "RISK_SCREENING");
        // Spread over the campaign's months (March to October 2023) and the ongoing
        // consolidation.
        assertThat(jdbc
            .sql("select count(distinct date_trunc('month', p.found_on))" + DEMO
                    + " and p.found_on between date '2023-03-01' and date '2023-10-31'")
            .query(Long.class)
            .single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*)" + DEMO + " and p.confidential and p.officers is not null")
            .query(Long.class)
            .single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*)" + DEMO + " and p.reopen_count > 0").query(Long.class).single())
            .isPositive();
    }

    @Test
    void someAreOverdueAndSomeOpenOnesAreNot() {
        String open = " and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')";
        long overdue = jdbc.sql("select count(*)" + DEMO + OF_COUNTY + open + " and p.due_on < current_date")
            .param("county", "OTOGQ")
            .query(Long.class)
            .single();
        long inTime = jdbc.sql("select count(*)" + DEMO + open + " and p.due_on >= current_date")
            .query(Long.class)
            .single();
        assertThat(overdue).isBetween(2L, 6L);
        assertThat(inTime).isPositive();
    }

    @Test
    void datedBackStepByStepWithEvidenceAndOnRecord() {
        // Every timeline row lies between the problem's registration and now, in the
        // order of the steps.
        assertThat(jdbc.sql("""
                select count(*) from problem_change c join problem p on p.id = c.problem_id
                where c.at < p.created_at or c.at > now()
                """).query(Long.class).single()).isZero();
        // The dates the timeline shows are those dated back, not the day of loading.
        assertThat(jdbc.sql("""
                select count(*) from problem_change c join problem p on p.id = c.problem_id
                where c.field in ('assigned_on', 'due_on', 'deadline') and c.new_value >= cast(current_date as text)
                  and p.found_on < date '2024-01-01' and p.created_at < current_date
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*)" + DEMO + """
                 and p.status in ('RECTIFIED', 'VERIFIED', 'SIGNED_OFF') and not exists (
                    select 1 from ledger_file f where f.problem_id = p.id and f.purpose = 'RECTIFICATION'
                        and f.uploaded_at < p.updated_at)
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*)" + DEMO + """
                 and p.status = 'SIGNED_OFF' and not exists (select 1 from rectification r where r.problem_id = p.id
                    and r.signed_off_at is not null and r.verified_at <= r.signed_off_at
                    and r.signed_off_at < current_date)
                """).query(Long.class).single()).isZero();
        assertThat(trail.firstBrokenLink()).isEmpty();
    }

    @Test
    void accountabilityRecordsOfSeveralKindsWithAnExemption() {
        List<String> kinds = jdbc
            .sql("select kind from accountability_record where status = 'DECIDED' and created_at < current_date")
            .query(String.class)
            .list();
        assertThat(kinds).hasSizeBetween(3, 5).doesNotHaveDuplicates().contains("FAULT_TOLERANCE_EXEMPTION");
        assertThat(jdbc.sql("""
                select count(*) from accountability_record a join problem p on p.id = a.problem_id
                where p.status not in ('CONFIRMED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'SIGNED_OFF')
                  and a.created_at < current_date
                """).query(Long.class).single()).isZero();
    }

    @Test
    @WithWorkTeamMember
    void thePagesAreNotEmpty() throws Exception {
        String problems = mvc.perform(get("/problems"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(problems).contains("DB-").doesNotContain("problem.status.");
        mvc.perform(get("/rectifications")).andExpect(status().isOk());
    }

    /**
     * A monthly report drafted for a month of the campaign has problem figures (March:
     * two, both signed off).
     */
    @Test
    @WithWorkTeamMember
    void aDraftedMonthlyReportAndTheDashboardHaveFigures() throws Exception {
        String campaign = jdbc.sql("select id::text from campaign order by starts_on limit 1")
            .query(String.class)
            .single();
        mvc.perform(post("/reports").with(csrf())
            .param("campaignId", campaign)
            .param("kind", "MONTHLY")
            .param("month", "2023-03")).andExpect(status().is3xxRedirection());
        Map<String, BigDecimal> figures = new HashMap<>();
        jdbc.sql("""
                select f.figure, f.value from report_figure f join report r on r.id = f.report_id
                where r.kind = 'MONTHLY' and r.period = date '2023-03-01' and f.version_no = 0
                  and r.campaign_id = cast(:campaign as uuid)
                """).param("campaign", campaign).query(rs -> {
            figures.put(rs.getString(1), rs.getBigDecimal(2));
        });
        assertThat(figures.get("problemsFound")).isEqualByComparingTo("2");
        assertThat(figures.get("problemsSignedOff")).isEqualByComparingTo("2");
        mvc.perform(get("/dashboard")).andExpect(status().isOk());
    }

    @Test
    @WithAuditor
    void theAuditorSeesTheAccountabilityRecords() throws Exception {
        assertThat(mvc.perform(get("/accountability"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("专项整治工作领导小组");
    }

}

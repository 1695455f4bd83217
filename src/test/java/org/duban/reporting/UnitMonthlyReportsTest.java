package org.duban.reporting;

import org.duban.organization.OrgUnits;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit's monthly report to its county (issue 13): the same workflow as the county's to
 * the city, parameterised by the sender's level. Unit staff draft it from their own
 * unit's rows and submit it without an approval step; the county's work team receives or
 * returns it; nobody else sees it: not another unit, not another county, not the city.
 */
@DubanTest
class UnitMonthlyReportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reports reports;

    @Autowired
    OrgUnits units;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login))).with(csrf());
    }

    UUID campaignOf(String county) {
        return jdbc.sql("""
                select c.id from campaign c join org_unit o on o.id = c.owner_unit_id
                where o.code = :code order by c.starts_on limit 1
                """).param("code", county).query(UUID.class).single();
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :code").param("code", code).query(UUID.class).single();
    }

    /** The unit staff {@code login} drafts the report of {@code month} of its unit. */
    UUID draft(String login, String month) throws Exception {
        mvc.perform(as(login,
                post("/reports").param("campaignId", campaignOf("OTOGQ").toString())
                    .param("kind", "MONTHLY")
                    .param("month", month)))
            .andExpect(status().is3xxRedirection());
        return jdbc.sql("""
                select r.id from report r join staff s on s.unit_id = r.unit_id
                where s.login = :login and r.period = cast(:p as date)
                """).param("login", login).param("p", month + "-01").query(UUID.class).single();
    }

    long version(UUID id) {
        return jdbc.sql("select version from report where id = :id").param("id", id).query(Long.class).single();
    }

    String reportStatus(UUID id) {
        return jdbc.sql("select status from report where id = :id").param("id", id).query(String.class).single();
    }

    void act(String login, UUID id, String action, String comment) throws Exception {
        MockHttpServletRequestBuilder request = post("/reports/" + id + "/" + action).param("version",
                String.valueOf(version(id)));
        if (comment != null) {
            request.param("comment", comment);
        }
        mvc.perform(as(login, request));
    }

    String page(String login, String path) throws Exception {
        return mvc.perform(as(login, get(path))).andReturn().getResponse().getContentAsString();
    }

    int statusOf(String login, String path) throws Exception {
        return mvc.perform(as(login, get(path))).andReturn().getResponse().getStatus();
    }

    @Test
    void aUnitDraftsAndSubmitsItsMonthlyReportAndTheCountysWorkTeamReturnsAndReceivesIt() throws Exception {
        UUID id = draft("unit", "2024-01");
        var row = jdbc.sql("select unit_id, channel, title, status from report where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        assertThat(row.get("unit_id")).isEqualTo(unit("OTOGQ-SQUAD-1"));
        assertThat(row.get("channel")).isEqualTo("UNIT_TO_BUREAU");
        assertThat((String) row.get("title")).contains("执法大队一中队", "2024年1月", "自查自纠");
        assertThat(row.get("status")).isEqualTo("DRAFT");
        // Figures from the unit's own rows: its problems only, not the county's.
        long ownProblems = jdbc.sql("""
                select count(*) from problem p where p.unit_id = :u
                and p.found_on >= date '2024-01-01' and p.found_on < date '2024-02-01'
                """).param("u", unit("OTOGQ-SQUAD-1")).query(Long.class).single();
        assertThat(jdbc.sql(
                "select value from report_figure where report_id = :id and version_no = 0 and figure = 'problemsFound'")
            .param("id", id)
            .query(Long.class)
            .single()).isEqualTo(ownProblems);

        // No approval step: the county's leading group cannot approve what is not its
        // own.
        assertThat(mvc.perform(as("leader", post("/reports/" + id + "/approve").param("version", "0")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(404);
        act("unit", id, "submit", null);
        assertThat(reportStatus(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select superior_unit_id from report_version where report_id = :id and version_no = 1")
            .param("id", id)
            .query(UUID.class)
            .single()).isEqualTo(unit("OTOGQ"));

        // In the county work team's inbox and to-do list.
        assertThat(page("workteam", "/reports/inbox")).contains(id.toString());
        assertThat(page("workteam", "/todo")).contains(id.toString());
        assertThat(statusOf("workteam", "/reports/" + id)).isEqualTo(200);

        act("workteam", id, "return", " ");
        assertThat(reportStatus(id)).as("a return needs a comment").isEqualTo("SUBMITTED");
        act("workteam", id, "return", "请补充重点任务调度台账");
        assertThat(reportStatus(id)).isEqualTo("RETURNED");
        assertThat(page("unit", "/reports/" + id)).contains("请补充重点任务调度台账");

        // Edited by the unit, it is a draft again and goes once more.
        var r = reports.find(id).orElseThrow();
        mvc.perform(as("unit",
                post("/reports/" + id).param("title", r.title())
                    .param("docPrefix", r.docPrefix())
                    .param("docYear", String.valueOf(r.docYear()))
                    .param("addressee", r.addressee())
                    .param("progress", "已补充台账")
                    .param("version", String.valueOf(version(id)))))
            .andExpect(status().is3xxRedirection());
        assertThat(reportStatus(id)).isEqualTo("DRAFT");
        act("unit", id, "submit", null);
        act("workteam", id, "receive", null);
        assertThat(reportStatus(id)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select count(*) from report_version where report_id = :id")
            .param("id", id)
            .query(Integer.class)
            .single()).isEqualTo(2);
        // The report and its two ledgers (自查自纠 and 重点任务调度台账), for the unit and for
        // the county.
        for (String login : new String[] { "unit", "workteam" }) {
            for (String part : new String[] { "/preview", "/docx", "/problems.xlsx", "/tasks.xlsx" }) {
                assertThat(statusOf(login, "/reports/" + id + part)).as(login + part).isEqualTo(200);
            }
        }
        assertThat(page("workteam", "/reports/" + id + "/preview")).contains("执法大队一中队");
    }

    @Test
    void aUnitsReportIsSeenByItsUnitAndItsCountyOnly() throws Exception {
        UUID id = draft("unit", "2024-02");
        act("unit", id, "submit", null);
        assertThat(statusOf("unit", "/reports/" + id)).isEqualTo(200);
        assertThat(statusOf("workteam", "/reports/" + id)).isEqualTo(200);
        assertThat(statusOf("leader", "/reports/" + id)).isEqualTo(200);
        // Another unit of the same county, another county, and the city (the county does
        // not forward its units' reports): not found.
        assertThat(statusOf("squad2", "/reports/" + id)).isEqualTo(404);
        assertThat(statusOf("squad2", "/reports/" + id + "/docx")).isEqualTo(404);
        assertThat(statusOf("otog-workteam", "/reports/" + id)).isEqualTo(404);
        assertThat(statusOf("city", "/reports/" + id)).isEqualTo(404);
        assertThat(page("city", "/reports/inbox")).doesNotContain(id.toString());
        assertThat(page("squad2", "/reports")).doesNotContain(id.toString());

        // Another county cannot receive or return it, the unit cannot receive its own.
        act("otog-workteam", id, "receive", null);
        act("otog-workteam", id, "return", "不是本旗的");
        act("city", id, "receive", null);
        act("squad2", id, "submit", null);
        assertThat(reportStatus(id)).isEqualTo("SUBMITTED");
        assertThat(mvc.perform(as("otog-workteam", post("/reports/" + id + "/receive").param("version", "0")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(404);
    }

    @Test
    void aUnitSendsMonthlyReportsOnly() throws Exception {
        long before = jdbc.sql("select count(*) from report r join org_unit o on o.id = r.unit_id where o.code = :c")
            .param("c", "OTOGQ-SQUAD-2")
            .query(Long.class)
            .single();
        var result = mvc
            .perform(as("squad2",
                    post("/reports").param("campaignId", campaignOf("OTOGQ").toString())
                        .param("kind", "SUMMARY")
                        .param("month", "2023-09")))
            .andReturn();
        assertThat(result.getFlashMap().get("refusal")).isEqualTo("report.refused.unitMonthlyOnly");
        assertThat(jdbc.sql("select count(*) from report r join org_unit o on o.id = r.unit_id where o.code = :c")
            .param("c", "OTOGQ-SQUAD-2")
            .query(Long.class)
            .single()).isEqualTo(before);
    }

    @Test
    void theCountysLeadingGroupIsNotAskedToApproveItsUnitsDrafts() throws Exception {
        // The demonstration's second squad has its October report in draft.
        UUID draft = jdbc.sql("""
                select r.id from report r join org_unit o on o.id = r.unit_id
                where o.code = 'OTOGQ-SQUAD-2' and r.period = date '2023-10-01'
                """).query(UUID.class).single();
        assertThat(reportStatus(draft)).isEqualTo("DRAFT");
        assertThat(page("leader", "/todo")).doesNotContain(draft.toString());
        assertThat(page("squad2", "/reports")).contains(draft.toString());
    }

    @Test
    @WithWorkTeamMember
    void theCountySeesWhichUnitsAreLateOrMissing() {
        List<Reports.UnitReportDue> due = reports.unitReports(units.currentScope(), LocalDate.of(2023, 12, 1));
        assertThat(due).allSatisfy(d -> assertThat(units.find(d.unitId()).orElseThrow().path())
            .startsWith(units.find(unit("OTOGQ")).orElseThrow().path()));
        assertThat(due).noneMatch(d -> d.unitId().equals(unit("OTOG-SQUAD-1")));
        Reports.UnitReportDue brigadeJuly = find(due, "OTOGQ-BRIGADE", 7);
        assertThat(brigadeJuly.missing()).isTrue();
        assertThat(brigadeJuly.reportId()).isNull();
        Reports.UnitReportDue squad2May = find(due, "OTOGQ-SQUAD-2", 5);
        assertThat(squad2May.late()).isTrue();
        assertThat(squad2May.missing()).isFalse();
        assertThat(squad2May.firstSubmittedOn()).isAfter(squad2May.dueOn());
        Reports.UnitReportDue squad1March = find(due, "OTOGQ-SQUAD-1", 3);
        assertThat(squad1March.late() || squad1March.missing()).isFalse();
        assertThat(squad1March.status()).isEqualTo(ReportStatus.RECEIVED);
        // A centre that never reported is missing every month.
        assertThat(find(due, "OTOGQ-ROADS", 4).missing()).isTrue();
        // The unit staff see no such list.
    }

    @Test
    void aMonthsReportIsDueOnTheLastWorkingDayOfTheNextMonth() {
        // September 2023 ends with the Mid-Autumn holiday (29th) and a Saturday.
        assertThat(reports.dueOn(LocalDate.of(2023, 8, 1))).isEqualTo(LocalDate.of(2023, 9, 28));
        assertThat(reports.dueOn(LocalDate.of(2023, 9, 1))).isEqualTo(LocalDate.of(2023, 10, 31));
        // June 2023 ends on a Friday.
        assertThat(reports.dueOn(LocalDate.of(2023, 5, 1))).isEqualTo(LocalDate.of(2023, 6, 30));
    }

    Reports.UnitReportDue find(List<Reports.UnitReportDue> due, String unitCode, int month) {
        UUID unit = unit(unitCode);
        return due.stream()
            .filter(d -> d.unitId().equals(unit) && d.month().equals(LocalDate.of(2023, month, 1)))
            .findFirst()
            .orElseThrow(() -> new AssertionError(unitCode + " 2023-" + month));
    }

}

package org.duban.web;

import org.duban.support.DubanTest;
import org.duban.support.Spreadsheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The complaints and screening findings lists export what they show: the same filters,
 * every matching row (not only the page), labels instead of codes.
 */
@DubanTest
class ListExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login)));
    }

    long total(String page) {
        Matcher m = Pattern.compile("共 (\\d+) 条").matcher(page);
        assertThat(m.find()).as("the list shows its total").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theComplaintsExportHoldsEveryComplaintOfTheFilterWithLabels() throws Exception {
        String page = mvc.perform(as("workteam", get("/complaints").param("status", "ACCEPTED")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("the toolbar offers the export of this filter")
            .contains("href=\"/complaints/export?status=ACCEPTED");

        byte[] xlsx = mvc.perform(as("workteam", get("/complaints/export").param("status", "ACCEPTED")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        List<List<String>> rows = Spreadsheets.rows(xlsx);

        assertThat(rows.get(0).get(0)).isEqualTo("投诉举报台账");
        assertThat(rows.get(1)).startsWith("编号", "提交时间", "类型", "渠道", "状态", "办理单位", "答复时限");
        List<List<String>> data = rows.subList(2, rows.size());
        assertThat(data).hasSize((int) total(page)).isNotEmpty();
        assertThat(data).allSatisfy(r -> {
            assertThat(r.get(0)).as("the number users see").isNotBlank();
            assertThat(r.get(4)).isEqualTo("已受理");
        });
    }

    @Test
    void theFindingsExportHoldsEveryFindingOfTheFilterWithLabels() throws Exception {
        String page = mvc.perform(as("admin", get("/screening/findings").param("status", "OPEN")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/screening/findings/export?");

        byte[] xlsx = mvc.perform(as("admin", get("/screening/findings/export").param("status", "OPEN")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        List<List<String>> rows = Spreadsheets.rows(xlsx);

        assertThat(rows.get(0).get(0)).isEqualTo("风险筛查发现");
        assertThat(rows.get(1)).startsWith("风险等级", "规则");
        List<List<String>> data = rows.subList(2, rows.size());
        // Other tests may have replaced the demonstration's screening run: the export
        // holds
        // what the page counts, whatever that is now.
        assertThat(data).hasSize((int) total(page));
        assertThat(data).allSatisfy(r -> assertThat(r.get(9)).isEqualTo("待核查"));
        assertThat(data).noneSatisfy(r -> assertThat(r.get(1)).startsWith("screening.rule."));
    }

}

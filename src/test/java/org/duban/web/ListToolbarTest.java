package org.duban.web;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Lists share one toolbar: labelled filters, search and reset, the total count and pages.
 */
@DubanTest
class ListToolbarTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    String page(String login, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(login))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void complaintsAreFoundByAWordOfTheirContentAndCounted() throws Exception {
        // A word of the demonstration complaints (城川治超站 and others).
        String word = "治超";

        String found = mvc.perform(get("/complaints").param("q", word).with(user(users.loadUserByUsername("workteam"))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        int rows = found.split("data-item=", -1).length - 1;
        assertThat(rows).isPositive();
        assertThat(found).contains("<label class=\"form-label small mb-0\" for=\"q\">关键词</label>")
            .contains("共 " + rows + " 条")
            .contains(">重置</a>");
        assertThat(mvc
            .perform(get("/complaints").param("q", "没有这样的投诉举报内容").with(user(users.loadUserByUsername("workteam"))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8)).contains("共 0 条");
    }

    @Test
    void screeningFindingsArePagedWithTheirTotalInsteadOfCappedAt500() throws Exception {
        String findings = page("admin", "/screening/findings");
        assertThat(findings).contains("id=\"total\"")
            .containsPattern("共 \\d+ 条")
            .contains("<label class=\"form-label small mb-0\" for=\"rule\">");
        String far = page("admin", "/screening/findings?page=9999");
        assertThat(far).as("a page beyond the end is an empty page, not an error").contains("id=\"total\"");
    }

    @Test
    void keyTaskFiltersAreLabelled() throws Exception {
        String tasks = page("workteam", "/tasks");
        assertThat(tasks).contains("for=\"campaign\"")
            .contains("for=\"phase\"")
            .contains("for=\"unit\"")
            .contains("for=\"status\"")
            .contains(">重置</a>");
    }

}

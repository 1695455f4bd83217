package org.duban.campaign;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each bureau's work team writes its own public notice; the intake unit must be one of
 * that bureau's units.
 */
@DubanTest
class PublicNoticePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login))).with(csrf());
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    Map<String, Object> notice(String bureau) {
        return jdbc.sql("""
                select n.* from public_notice n join org_unit o on o.id = n.bureau_unit_id where o.code = :c
                """).param("c", bureau).query().singleRow();
    }

    MockHttpServletRequestBuilder save(String login, String intake, Map<String, Object> n, String hours) {
        return as(login, post("/campaigns/public-notice")).param("intakeUnitId", intake)
            .param("title", (String) n.get("title"))
            .param("body", (String) n.get("body"))
            .param("hotlines", (String) n.get("hotlines"))
            .param("mailbox", (String) n.get("mailbox"))
            .param("address", (String) n.get("address"))
            .param("officeHours", hours)
            .param("version", String.valueOf(n.get("version")));
    }

    @Test
    void aCountyWorkTeamEditsItsOwnNoticeAndThePublicSeesIt() throws Exception {
        mvc.perform(as("otog-workteam", get("/campaigns/public-notice")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂托克旗交通运输局关于开展")));
        Map<String, Object> before = notice("OTOG");
        mvc.perform(save("otog-workteam", unit("OTOG-OFFICE").toString(), before, "工作日 8:00—18:00（含午间）"))
            .andExpect(redirectedUrl("/campaigns/public-notice"));
        mvc.perform(get("/public/b/OTOG/")).andExpect(content().string(containsString("工作日 8:00—18:00（含午间）")));
        // The same form again, on the version it was read at: someone else saved
        // meanwhile.
        mvc.perform(save("otog-workteam", unit("OTOG-OFFICE").toString(), before, "stale"))
            .andExpect(status().isConflict());
    }

    @Test
    void theIntakeUnitMustBeOneOfTheBureausOwnUnits() throws Exception {
        // A county cannot route its complaints into another county, nor the city into a
        // county below it.
        Map<String, Object> otogq = notice("OTOGQ");
        mvc.perform(save("workteam", unit("OTOG-OFFICE").toString(), otogq, "x"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("受理单位须是本局或本局下属单位")));
        Map<String, Object> city = notice("ORDOS");
        mvc.perform(save("city-workteam", unit("OTOGQ").toString(), city, "x")).andExpect(status().isBadRequest());
        mvc.perform(save("workteam", UUID.randomUUID().toString(), otogq, "x")).andExpect(status().isBadRequest());
        assertThat(notice("OTOGQ").get("intake_unit_id")).isEqualTo(unit("OTOGQ"));
        assertThat(notice("ORDOS").get("intake_unit_id")).isEqualTo(unit("ORDOS-LAW"));
        // The form offers only the bureau's own units.
        mvc.perform(as("city-workteam", get("/campaigns/public-notice")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂尔多斯市交通运输局法制科")))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString("旗交通运输局办公室"))));
    }

    @Test
    void emptyFieldsAreNamedNextToTheField() throws Exception {
        mvc.perform(as("workteam", post("/campaigns/public-notice")).param("intakeUnitId", unit("OTOGQ").toString())
            .param("title", "")
            .param("body", "")).andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写此项")));
    }

}

package org.duban.regulation;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register of rules: drafted with problems and benchmark entries, issued by the
 * leading group, in scope.
 */
@DubanTest
class RegulationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    String page(String login, String path, String... params) throws Exception {
        var request = get(path).with(as(login));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theRegisterIsSearchedByKeywordAndFilteredByKindWithLabelledFiltersAndATotal() throws Exception {
        String repealed = page("workteam", "/regulations", "kind", "REPEALED");
        assertThat(repealed).contains("<label class=\"form-label small mb-0\" for=\"kind\">")
            .contains("<label class=\"form-label small mb-0\" for=\"q\">")
            .contains(">重置</a>")
            .containsPattern("共 [1-9]\\d* 条")
            .contains("超限运输车辆罚款分档执行内部规定")
            .doesNotContain("执法辅助人员管理办法（修订）");
        String found = page("workteam", "/regulations", "q", "首违不罚");
        assertThat(found).contains("首违不罚清单").doesNotContain("超限运输车辆罚款分档执行内部规定");
        assertThat(page("workteam", "/regulations", "q", "%")).as("a % is a character, not a wildcard")
            .contains("共 0 条");
    }

    @Test
    void aRepealLinkedToProblemsAndBenchmarkEntriesIsIssuedByTheLeadingGroup() throws Exception {
        String unit = jdbc.sql("select id::text from org_unit where code = 'OTOGQ-BRIGADE'")
            .query(String.class)
            .single();
        String reference = jdbc.sql("select reference from problem order by reference limit 1")
            .query(String.class)
            .single();
        var draft = post("/regulations").with(csrf())
            .with(as("workteam"))
            .param("title", "废止罚款分档规定")
            .param("kind", "REPEALED")
            .param("unitId", unit)
            .param("problemReferences", reference)
            .param("benchmarkEntries", "OVERLOAD_WEIGHT|GRAVE");
        mvc.perform(draft).andExpect(status().isOk()).andExpect(content().string(containsString("修订或废止须写明被修订或废止的制度")));
        mvc.perform(post("/regulations").with(csrf())
            .with(as("workteam"))
            .param("title", "废止罚款分档规定")
            .param("kind", "REPEALED")
            .param("predecessor", "分档规定")
            .param("unitId", unit)
            .param("problemReferences", reference + ", DB-1999-99999"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("DB-1999-99999")));
        mvc.perform(post("/regulations").with(csrf())
            .with(as("workteam"))
            .param("title", "废止罚款分档规定")
            .param("kind", "REPEALED")
            .param("predecessor", "分档规定")
            .param("unitId", unit)
            .param("problemReferences", reference)
            .param("benchmarkEntries", "OVERLOAD_WEIGHT|GRAVE")).andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select id from regulation where title = '废止罚款分档规定'").query(UUID.class).single();
        assertThat(jdbc
            .sql("select violation_code || '|' || circumstance from regulation_benchmark where regulation_id = :id")
            .param("id", id)
            .query(String.class)
            .list()).containsExactly("OVERLOAD_WEIGHT|GRAVE");

        mvc.perform(post("/regulations/" + id + "/issue").with(csrf())
            .with(as("workteam"))
            .param("version", "0")
            .param("documentNumber", "n")
            .param("issuedOn", "2023-08-01")).andExpect(status().isForbidden());
        mvc.perform(post("/regulations/" + id + "/issue").with(csrf())
            .with(as("leader"))
            .param("version", "0")
            .param("documentNumber", "")
            .param("issuedOn", "2023-08-01"))
            .andExpect(flash().attribute("refusal", "regulation.issue.numberRequired"));
        mvc.perform(post("/regulations/" + id + "/issue").with(csrf())
            .with(as("leader"))
            .param("version", "0")
            .param("documentNumber", "鄂前交发〔2023〕60号")
            .param("issuedOn", "2023-08-01")).andExpect(flash().attribute("flash", "regulation.issued"));
        mvc.perform(get("/regulations/" + id).with(as("auditor")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂前交发〔2023〕60号")))
            .andExpect(content().string(containsString(reference)))
            .andExpect(content().string(containsString("严重")));
        mvc.perform(post("/regulations/" + id).with(csrf())
            .with(as("workteam"))
            .param("title", "x")
            .param("kind", "NEW")
            .param("unitId", unit)
            .param("version", "1")).andExpect(content().string(containsString("已印发的制度不能再修改或印发")));
        assertThat(jdbc.sql("select string_agg(action, ',' order by seq) from audit_log where object_id = :id")
            .param("id", id.toString())
            .query(String.class)
            .single()).isEqualTo("regulation.drafted,regulation.issued");
    }

    @Test
    void unitStaffSeeOnlyTheirScopeAndTheDemonstrationHasIssuedRules() throws Exception {
        assertThat(jdbc
            .sql("select count(*) from regulation where status = 'ISSUED' and extract(year from issued_on) = 2023")
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from regulation_benchmark").query(Integer.class).single()).isPositive();
        mvc.perform(get("/regulations").with(as("workteam"))).andExpect(content().string(containsString("首违不罚清单")));
        UUID brigadeRule = jdbc.sql("select id from regulation where title like '%首违不罚清单%'").query(UUID.class).single();
        mvc.perform(get("/regulations/" + brigadeRule).with(as("unit"))).andExpect(status().isNotFound());
    }

}

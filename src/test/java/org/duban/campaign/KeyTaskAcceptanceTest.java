package org.duban.campaign;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 验收 through the web layer: evidence at 100 %, who may accept, refusals with messages,
 * the fulfilling report.
 */
@DubanTest
class KeyTaskAcceptanceTest {

    static final byte[] PDF = "%PDF-1.4\nminutes\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.context.MessageSource messages;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID task(String title) {
        return jdbc.sql("select id from key_task where title = :t").param("t", title).query(UUID.class).single();
    }

    String statusOf(UUID id) {
        return jdbc.sql("select status from key_task where id = :id").param("id", id).query(String.class).single();
    }

    String version(UUID id) {
        return jdbc.sql("select version::text from key_task where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    @Test
    void aTaskAtHundredPercentWaitsForTheLeadingGroupsAcceptanceAndOnlyThenIsDone() throws Exception {
        UUID id = task("全面清查执法人员各类问题线索");
        // 100 % without evidence: refused with a message, nothing changes
        mvc.perform(post("/tasks/" + id + "/progress").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))
            .param("reportedOn", "2023-06-20")
            .param("text", "clues all registered")
            .param("percent", "100")).andExpect(flash().attribute("refusal", "keytask.progress.evidenceRequired"));
        assertThat(statusOf(id)).isNotEqualTo("DONE").isNotEqualTo("AWAITING_ACCEPTANCE");
        // the leader cannot accept a task below 100 %
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("leader"))
            .param("version", version(id))
            .param("decision", "accept")
            .param("opinion", "ok")).andExpect(flash().attribute("refusal", "keytask.accept.notComplete"));
        Object[] args = (Object[]) mvc
            .perform(post("/tasks/" + id + "/acceptance").with(csrf())
                .with(as("leader"))
                .param("version", version(id))
                .param("decision", "accept")
                .param("opinion", "ok"))
            .andReturn()
            .getFlashMap()
            .get("refusalArgs");
        assertThat(messages.getMessage("keytask.accept.notComplete", args, java.util.Locale.SIMPLIFIED_CHINESE))
            .isEqualTo("完成进度为0%，未达到100%并报请验收的工作不能验收");

        mvc.perform(multipart("/tasks/" + id + "/progress")
            .file(new MockMultipartFile("files", "ledger.pdf", "application/pdf", PDF))
            .with(csrf())
            .with(as("workteam"))
            .param("version", version(id))
            .param("reportedOn", "2023-06-20")
            .param("text", "clues all registered")
            .param("percent", "100")).andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(statusOf(id)).isEqualTo("AWAITING_ACCEPTANCE");
        // the work team reports but does not accept; its page shows no acceptance form
        mvc.perform(get("/tasks/" + id).with(as("workteam")))
            .andExpect(content().string(containsString("待验收")))
            .andExpect(content().string(not(containsString("id=\"acceptance-form\""))));
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))
            .param("decision", "accept")
            .param("opinion", "ok")).andExpect(flash().attribute("refusal", "keytask.accept.notAcceptor"));
        // the leader returns it with reasons, the work team reports again, the leader
        // accepts
        mvc.perform(get("/tasks/" + id).with(as("leader")))
            .andExpect(content().string(containsString("id=\"acceptance-form\"")));
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("leader"))
            .param("version", version(id))
            .param("decision", "return")
            .param("opinion", "")).andExpect(flash().attribute("refusal", "keytask.accept.opinionRequired"));
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("leader"))
            .param("version", version(id))
            .param("decision", "return")
            .param("opinion", "二中队线索未登记")).andExpect(flash().attribute("flash", "keytask.returned"));
        assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
        mvc.perform(post("/tasks/" + id + "/progress").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))
            .param("reportedOn", "2023-06-25")
            .param("text", "second squad registered")
            .param("percent", "100")).andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(statusOf(id)).isEqualTo("AWAITING_ACCEPTANCE");
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("leader"))
            .param("version", version(id))
            .param("decision", "accept")
            .param("opinion", "问题线索全部登记入台账，符合检验标准")).andExpect(flash().attribute("flash", "keytask.accepted"));
        assertThat(statusOf(id)).isEqualTo("DONE");
        assertThat(jdbc.sql("select accepted_by from key_task where id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("leader");
        mvc.perform(get("/tasks/" + id).with(as("workteam")))
            .andExpect(content().string(containsString("问题线索全部登记入台账，符合检验标准")))
            .andExpect(content().string(containsString("待验收</span> → <span>已验收完成")));
        assertThat(jdbc.sql(
                "select count(*) from audit_log where object_id = :id and action in ('keytask.accept', 'keytask.return')")
            .param("id", id.toString())
            .query(Integer.class)
            .single()).isEqualTo(2);
    }

    @Test
    void aTaskNamingItsAcceptorIsAcceptedByThatPersonOnly() throws Exception {
        UUID id = task("对所有整治问题建立详细整改台账");
        jdbc.sql(
                "update key_task set acceptor_login = 'workteam', status = 'AWAITING_ACCEPTANCE', percent = 100 where id = :id")
            .param("id", id)
            .update();
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("leader"))
            .param("version", version(id))
            .param("decision", "accept")
            .param("opinion", "ok")).andExpect(flash().attribute("refusal", "keytask.accept.notAcceptor"));
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))
            .param("decision", "accept")
            .param("opinion", "台账完整")).andExpect(flash().attribute("flash", "keytask.accepted"));
        assertThat(statusOf(id)).isEqualTo("DONE");
    }

    @Test
    void aUnitOutsideTheTasksScopeGetsNotFound() throws Exception {
        UUID id = task("向社会发布专项整治通告");
        mvc.perform(post("/tasks/" + id + "/acceptance").with(csrf())
            .with(as("unit"))
            .param("version", version(id))
            .param("decision", "accept")
            .param("opinion", "ok")).andExpect(status().isNotFound());
    }

    @Test
    void submittingTheSpecialReportAcceptsTheTaskItFulfils() throws Exception {
        UUID id = task("形成追责问责、容错免责情况专题报告");
        assertThat(statusOf(id)).isNotEqualTo("DONE");
        String campaign = jdbc.sql("select campaign_id::text from key_task where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        mvc.perform(post("/reports").with(csrf())
            .with(as("workteam"))
            .param("campaignId", campaign)
            .param("kind", "SPECIAL")
            .param("month", "2023-09")).andExpect(status().is3xxRedirection());
        UUID report = jdbc.sql("select id from report where kind = 'SPECIAL' order by created_at desc limit 1")
            .query(UUID.class)
            .single();
        mvc.perform(post("/reports/" + report).with(csrf())
            .with(as("workteam"))
            .param("title", "专题报告")
            .param("docPrefix", "鄂前交发")
            .param("docYear", "2023")
            .param("docSeq", "77")
            .param("addressee", "鄂尔多斯市交通运输局：")
            .param("progress", "p")
            .param("results", "r")
            .param("problems", "q")
            .param("suggestions", "s")
            .param("version", reportVersion(report))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/reports/" + report + "/approve").with(csrf())
            .with(as("leader"))
            .param("version", reportVersion(report))).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isNotEqualTo("DONE");
        mvc.perform(post("/reports/" + report + "/submit").with(csrf())
            .with(as("workteam"))
            .param("version", reportVersion(report))).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("DONE");
        assertThat(jdbc.sql("select acceptance_opinion from key_task where id = :id")
            .param("id", id)
            .query(String.class)
            .single()).contains("鄂前交发〔2023〕77号");
    }

    String reportVersion(UUID id) {
        return jdbc.sql("select version::text from report where id = :id").param("id", id).query(String.class).single();
    }

}

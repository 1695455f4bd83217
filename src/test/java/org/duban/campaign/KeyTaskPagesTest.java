package org.duban.campaign;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The key-task plan: the notice's tasks as demonstration data, derived overdue, progress,
 * conflicts, scope.
 */
@DubanTest
class KeyTaskPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID task(String title) {
        return jdbc.sql("select id from key_task where title = :t").param("t", title).query(UUID.class).single();
    }

    @Test
    void theDemonstrationCampaignHasTheNoticesTasksAndOverdueIsDerived() throws Exception {
        assertThat(jdbc.sql("select deadline::text from key_task where title = '向社会发布专项整治通告'")
            .query(String.class)
            .single()).isEqualTo("2023-03-24");
        assertThat(jdbc.sql("select count(*) from key_task where title like '报送%月%'").query(Integer.class).single())
            .isEqualTo(7);
        assertThat(jdbc.sql("select deadline::text from key_task where title like '形成交通运输执法领域%工作总结'")
            .query(String.class)
            .single()).isEqualTo("2023-09-30");
        mvc.perform(get("/tasks").param("overdue", "true").with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("向社会发布专项整治通告")))
            .andExpect(content().string(containsString("已逾期")));
        mvc.perform(get("/tasks/export").with(as("workteam"))).andExpect(status().isOk());
    }

    @Test
    void progressWithEvidenceSendsTheTaskToAcceptanceAndAStaleFormIsAConflict() throws Exception {
        UUID id = task("召开专项整治动员部署会");
        long version = jdbc.sql("select version from key_task where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .multipart("/tasks/" + id + "/progress")
            .file(new org.springframework.mock.web.MockMultipartFile("files", "minutes.pdf", "application/pdf",
                    "%PDF-1.4\nminutes\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
            .with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version))
            .param("reportedOn", "2023-03-23")
            .param("text", "meeting held, tasks split among units")
            .param("percent", "100")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from key_task where id = :id").param("id", id).query(String.class).single())
            .isEqualTo("AWAITING_ACCEPTANCE");
        mvc.perform(get("/tasks/" + id).with(as("workteam")))
            .andExpect(content().string(containsString("meeting held")))
            .andExpect(content().string(containsString("未开始</span> → <span>待验收")))
            .andExpect(content().string(containsString("badge bg-danger")));
        mvc.perform(post("/tasks/" + id + "/progress").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version))
            .param("text", "again")
            .param("percent", "100"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("workteam")));
    }

    /**
     * The timeline reads like the problem timeline: labels, not field names and codes.
     */
    @Test
    void theTimelineShowsLabelsNotFieldNamesAndCodes() throws Exception {
        UUID id = task("研究制定专项整治具体实施方案，建立工作台账");
        long version = jdbc.sql("select version from key_task where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
        mvc.perform(post("/tasks/" + id + "/progress").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version))
            .param("reportedOn", "2023-03-22")
            .param("text", "draft plan circulated")
            .param("percent", "40")).andExpect(status().is3xxRedirection());
        String timeline = mvc.perform(get("/tasks/" + id).with(as("workteam")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        timeline = timeline.substring(timeline.indexOf("id=\"timeline\""));
        assertThat(timeline)
            .contains("责任单位", "旗交通运输局办公室", "所属阶段", "动员部署", "推进状态", "未开始</span> → <span>推进中", "完成进度", "40%")
            .doesNotContain("ownerUnitId", "MOBILISATION", "IN_PROGRESS", ">status<", ">percent<");
        String english = mvc.perform(get("/tasks/" + id).param("lang", "en").with(as("workteam")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(english.substring(english.indexOf("id=\"timeline\""))).contains("Owner unit", "Mobilisation");
    }

    @Autowired
    KeyTaskReminders reminders;

    @Test
    void theOwnerUnitIsRemindedOncePerTaskAndKind() {
        UUID id = task("报送4月自查自纠情况及重点任务调度台账");
        // The demonstration's April report accepted this task when it was submitted; open
        // it again for the reminder.
        jdbc.sql("update key_task set status = 'IN_PROGRESS' where id = :id").param("id", id).update();
        UUID workteam = jdbc.sql("select id from staff where login = 'workteam'").query(UUID.class).single();
        reminders.remind(java.time.LocalDate.of(2023, 4, 28));
        reminders.remind(java.time.LocalDate.of(2023, 4, 28));
        reminders.remind(java.time.LocalDate.of(2023, 5, 2));
        assertThat(jdbc
            .sql("select count(*) from notification where recipient_id = :r and link = :l"
                    + " and dedup_key not like 'event:%'")
            .param("r", workteam)
            .param("l", "/tasks/" + id)
            .query(Integer.class)
            .single()).isEqualTo(2);
    }

    @Test
    void unitStaffSeeOnlyTheirOwnUnitsTasks() throws Exception {
        mvc.perform(get("/tasks/" + task("向社会发布专项整治通告")).with(as("unit"))).andExpect(status().isNotFound());
        mvc.perform(get("/tasks").with(as("unit"))).andExpect(content().string(not(containsString("向社会发布专项整治通告"))));
    }

}

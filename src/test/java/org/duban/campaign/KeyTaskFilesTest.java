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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attachments on key-task progress updates: checked by content, all-or-nothing,
 * downloaded only within scope.
 */
@DubanTest
class KeyTaskFilesTest {

    static final byte[] PDF = "%PDF-1.4\nminutes of the meeting\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID taskOf(String login) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into key_task (id, campaign_id, title, owner_unit_id, deadline, created_by, created_at)
                select :id, c.id, :title, s.unit_id, date '2023-06-30', 'test', now()
                from campaign c, staff s where s.login = :login order by c.id limit 1
                """)
            .param("id", id)
            .param("title", "files task " + id.toString().substring(0, 8))
            .param("login", login)
            .update();
        return id;
    }

    long version(UUID task) {
        return jdbc.sql("select version from key_task where id = :id").param("id", task).query(Long.class).single();
    }

    int progressRows(UUID task) {
        return jdbc.sql("select count(*) from key_task_progress where task_id = :id")
            .param("id", task)
            .query(Integer.class)
            .single();
    }

    @Test
    void aProgressUpdateCarriesFilesThatDownloadAsAttachmentsWithinScope() throws Exception {
        UUID task = taskOf("unit");
        mvc.perform(multipart("/tasks/" + task + "/progress")
            .file(new MockMultipartFile("files", "minutes.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
            .param("version", String.valueOf(version(task)))
            .param("reportedOn", "2023-05-05")
            .param("text", "meeting held")
            .param("percent", "40")
            .with(csrf())
            .with(as("unit")))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flash", "flash.saved"));
        UUID file = jdbc.sql("select id from key_task_file where task_id = :t")
            .param("t", task)
            .query(UUID.class)
            .single();

        mvc.perform(get("/tasks/" + task).with(as("unit")))
            .andExpect(content().string(containsString("/tasks/" + task + "/files/" + file)))
            .andExpect(content().string(containsString("minutes.pdf")))
            .andExpect(content().string(containsString("附件</td>")));
        mvc.perform(get("/tasks/" + task + "/files/" + file).with(as("unit")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(content().bytes(PDF));
        mvc.perform(get("/tasks/" + task + "/files/" + file).with(as("workteam"))).andExpect(status().isOk());

        // another unit's staff: the task is not found, nor its file; a file id under
        // another task is not found
        UUID bureauTask = taskOf("workteam");
        mvc.perform(get("/tasks/" + bureauTask + "/files/" + file).with(as("workteam")))
            .andExpect(status().isNotFound());
        mvc.perform(multipart("/tasks/" + bureauTask + "/progress")
            .file(new MockMultipartFile("files", "plan.pdf", "application/pdf", PDF))
            .param("version", String.valueOf(version(bureauTask)))
            .param("text", "plan")
            .param("percent", "10")
            .with(csrf())
            .with(as("workteam"))).andExpect(status().is3xxRedirection());
        UUID bureauFile = jdbc.sql("select id from key_task_file where task_id = :t")
            .param("t", bureauTask)
            .query(UUID.class)
            .single();
        mvc.perform(get("/tasks/" + bureauTask + "/files/" + bureauFile).with(as("unit")))
            .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedFileRefusesTheWholeUpdate() throws Exception {
        UUID task = taskOf("unit");
        long version = version(task);
        mvc.perform(multipart("/tasks/" + task + "/progress")
            .file(new MockMultipartFile("files", "minutes.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("files", "photo.jpg", "image/jpeg",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
            .param("version", String.valueOf(version))
            .param("text", "with a fake photo")
            .param("percent", "50")
            .with(csrf())
            .with(as("unit")))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("refusal", "keytask.file.typeRefused"));
        assertThat(version(task)).isEqualTo(version);
        assertThat(progressRows(task)).isZero();
        assertThat(jdbc.sql("select count(*) from key_task_file where task_id = :t")
            .param("t", task)
            .query(Integer.class)
            .single()).isZero();
        mvc.perform(get("/tasks/" + task).with(as("unit"))).andExpect(status().isOk());
    }

}

package org.duban.training;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session from planning to attendance by page and by sign-in sheet, with the rate per
 * unit.
 */
@DubanTest
class TrainingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    String unit(String code) {
        return jdbc.sql("select id::text from org_unit where code = :c").param("c", code).query(String.class).single();
    }

    String version(UUID id) {
        return jdbc.sql("select version::text from training_session where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    UUID plan(String topic, String on) throws Exception {
        mvc.perform(post("/trainings").with(csrf())
            .with(as("workteam"))
            .param("topic", topic)
            .param("heldOn", on)
            .param("place", "room")
            .param("unitId", unit("OTOGQ-BRIGADE"))
            .param("targetUnits", unit("OTOGQ-SQUAD-1"))).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from training_session where topic = :t")
            .param("t", topic)
            .query(UUID.class)
            .single();
    }

    @Test
    void theListIsSearchedByKeywordAndFilteredByStatusWithATotal() throws Exception {
        String found = mvc.perform(get("/trainings").param("q", "行政处罚法").with(as("workteam")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(found).contains("<label class=\"form-label small mb-0\" for=\"status\">")
            .contains(">重置</a>")
            .containsPattern("共 [1-9]\\d* 条")
            .contains("《行政处罚法》专题培训")
            .doesNotContain("执法文书规范制作培训");
        String cancelled = mvc.perform(get("/trainings").param("status", "CANCELLED").with(as("workteam")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cancelled).doesNotContain("专项整治动员暨执法规范化学习");
    }

    @Test
    void attendanceFromThePageAndFromASignInSheetGivesTheRatePerUnit() throws Exception {
        UUID id = plan("signature training", "2023-07-05");
        List<String> names = jdbc
            .sql("""
                    select s.name from staff s join org_unit o on o.id = s.unit_id where o.code = 'OTOGQ-SQUAD-1' order by s.name
                    """)
            .query(String.class)
            .list();
        assertThat(names).hasSizeGreaterThanOrEqualTo(2);
        mvc.perform(get("/trainings/" + id).with(as("workteam")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(names.get(0))));
        // a staff member of another unit cannot be ticked present
        String other = jdbc.sql(
                "select s.id::text from staff s join org_unit o on o.id = s.unit_id where o.code = 'OTOGQ-OFFICE' limit 1")
            .query(String.class)
            .single();
        mvc.perform(post("/trainings/" + id + "/attendance").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))
            .param("present", other)).andExpect(flash().attribute("refusal", "training.attendance.notExpected"));

        // the sign-in sheet names the first staff member and someone unknown
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("签到表");
            sheet.createRow(1).createCell(1).setCellValue("姓名");
            sheet.createRow(2).createCell(1).setCellValue(names.get(0));
            sheet.createRow(3).createCell(1).setCellValue("无此人");
            wb.write(xlsx);
        }
        mvc.perform(multipart("/trainings/" + id + "/sign-in-sheet")
            .file(new MockMultipartFile("file", "sign.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray()))
            .with(csrf())
            .with(as("workteam"))
            .param("version", version(id)))
            .andExpect(flash().attribute("flash", "training.sheet.imported"))
            .andExpect(flash().attribute("sheet", new Trainings.SheetResult(1, List.of("无此人"))));
        assertThat(jdbc.sql(
                "select count(*) filter (where present) || '/' || count(*) from training_attendance where session_id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("1/" + names.size());
        assertThat(jdbc.sql("select status from training_session where id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("HELD");

        mvc.perform(multipart("/trainings/" + id + "/sign-in-sheet")
            .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", "not a workbook".getBytes()))
            .with(csrf())
            .with(as("workteam"))
            .param("version", version(id))).andExpect(flash().attribute("refusal", "training.sheet.notXlsx"));

        String list = mvc.perform(get("/trainings").with(as("leader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(list).contains("signature training", "id=\"attendance-rates\"", "执法大队一中队");
    }

    @Test
    void aFutureSessionTakesNoAttendanceAndUnitStaffOnlyRead() throws Exception {
        UUID id = plan("future training", "2099-01-01");
        mvc.perform(post("/trainings/" + id + "/attendance").with(csrf())
            .with(as("workteam"))
            .param("version", version(id))).andExpect(flash().attribute("refusal", "training.attendance.notYet"));
        mvc.perform(
                post("/trainings/" + id + "/attendance").with(csrf()).with(as("unit")).param("version", version(id)))
            .andExpect(status().isForbidden());
        mvc.perform(
                post("/trainings/" + id + "/cancel").with(csrf()).with(as("workteam")).param("version", version(id)))
            .andExpect(flash().attribute("flash", "training.cancelled"));
        assertThat(jdbc
            .sql("select count(*) from training_session where status = 'HELD' and extract(year from held_on) = 2023")
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(2);
    }

}

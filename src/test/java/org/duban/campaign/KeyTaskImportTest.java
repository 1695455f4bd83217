package org.duban.campaign;

import org.apache.poi.ss.usermodel.Row;
import org.duban.support.DubanTest;
import org.duban.support.Spreadsheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The key-task import page offers its template and lists its columns; the template,
 * filled in, imports; no file is answered at the file field.
 */
@DubanTest
class KeyTaskImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor workTeam() {
        return user(users.loadUserByUsername("workteam"));
    }

    String page() throws Exception {
        return mvc.perform(get("/tasks/import").with(workTeam()).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    String campaign(String page) {
        Matcher m = Pattern.compile("<option value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).as("a campaign to import into").isTrue();
        return m.group(1);
    }

    byte[] template() throws Exception {
        return mvc.perform(get("/tasks/import/template.xlsx").with(workTeam()).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", XLSX))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    }

    String upload(MockMultipartFile file, String campaign) throws Exception {
        return mvc
            .perform(multipart("/tasks/import").file(file)
                .param("campaignId", campaign)
                .with(csrf())
                .with(workTeam())
                .header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The template with one task in its third row: the title, a squad in scope, a
     * deadline in 2030, and what {@code more} writes.
     */
    static byte[] filled(byte[] template, String title, java.util.function.Consumer<Row> more) throws Exception {
        return Spreadsheets.edited(template, sheet -> {
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue(title);
            row.createCell(2).setCellValue("OTOGQ-SQUAD-1");
            row.createCell(6).setCellValue(LocalDate.of(2030, 6, 30));
            row.getCell(6).setCellStyle(sheet.getColumnStyle(6));
            more.accept(row);
        });
    }

    @Test
    void thePageOffersTheTemplateAndListsTheColumns() throws Exception {
        String page = page();
        assertThat(page).contains("href=\"/tasks/import/template.xlsx\"", "id=\"import-columns\"");
        assertThat(page).contains("工作任务", "所属阶段", "责任单位", "完成时限", "动员部署", "单位名称或代码", "2024-06-30");
        assertThat(page).contains("必填", "选填");
        assertThat(page).containsPattern("<input[^>]*type=\"file\"[^>]*required");
    }

    @Test
    void theTemplateHasTheHeadersTheImportReadsAndImportsWhenFilledIn() throws Exception {
        byte[] template = template();
        List<List<String>> rows = Spreadsheets.rows(template);
        assertThat(rows).as("title and header rows, no example").hasSize(2);
        assertThat(rows.get(1)).containsExactly("工作任务", "所属阶段", "责任单位", "责任人", "配合单位", "开始时间", "完成时限", "检验标准", "工作成果");
        byte[] filled = filled(template, "模板导入的重点工作KT-TPL-1", row -> {
            row.createCell(1).setCellValue("查纠整改");
            row.createCell(3).setCellValue("张三");
        });
        String page = upload(new MockMultipartFile("file", "tasks.xlsx", XLSX, filled), campaign(page()));
        assertThat(page).contains("已导入 1 项重点工作");
        assertThat(jdbc.sql("select phase || ' ' || deadline from key_task where title = '模板导入的重点工作KT-TPL-1'")
            .query(String.class)
            .single()).isEqualTo("RECTIFICATION 2030-06-30");
    }

    @Test
    void noFileIsAnsweredAtTheFileFieldInChinese() throws Exception {
        String campaign = campaign(page());
        for (MockMultipartFile file : List.of(new MockMultipartFile("other", new byte[0]),
                new MockMultipartFile("file", "empty.xlsx", XLSX, new byte[0]))) {
            String page = upload(file, campaign);
            assertThat(page)
                .containsPattern("is-invalid[^>]*>\\s*<div class=\"invalid-feedback\" id=\"file-error\">请选择要导入的文件。");
            assertThat(page).doesNotContain("行号", "文件中没有数据");
        }
    }

    @Test
    void aHeaderOnlyTemplateIsAnsweredAtTheFileField() throws Exception {
        String page = upload(new MockMultipartFile("file", "tasks.xlsx", XLSX, template()), campaign(page()));
        assertThat(page).contains("id=\"file-error\">文件中没有重点工作：请从第3行起逐行填写。");
        assertThat(page).doesNotContain("id=\"import-report\"");
    }

    @Test
    void aStartThatCannotBeReadIsRefusedWithItsRowNotDropped() throws Exception {
        byte[] filled = filled(template(), "开始时间写错的重点工作KT-TPL-2", row -> row.createCell(5).setCellValue("六月初"));
        String page = upload(new MockMultipartFile("file", "tasks.xlsx", XLSX, filled), campaign(page()));
        assertThat(page).contains("开始时间“六月初”无效");
        assertThat(jdbc.sql("select count(*) from key_task where title = '开始时间写错的重点工作KT-TPL-2'")
            .query(Long.class)
            .single()).isZero();
    }

}

package org.duban.ledger;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The holiday calendar's import offers an .xlsx template and lists its columns; the
 * template, filled in, imports; no file is answered at the file field.
 */
@DubanTest
class HolidayImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor admin() {
        return user(users.loadUserByUsername("admin"));
    }

    String upload(MockMultipartFile file) throws Exception {
        return mvc
            .perform(multipart("/admin/holidays/import").file(file)
                .with(csrf())
                .with(admin())
                .header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void thePageOffersTheTemplateAndListsTheColumns() throws Exception {
        String page = mvc.perform(get("/admin/holidays").with(admin()).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/admin/holidays/import/template.xlsx\"", "id=\"import-columns\"",
                "“放假”或“调休上班”", "2024-10-01", "不超过50字");
        assertThat(page).containsPattern("<input[^>]*type=\"file\"[^>]*required");
    }

    @Test
    void theTemplateHasTheColumnsTheImportReadsAndImportsWhenFilledIn() throws Exception {
        byte[] template = mvc
            .perform(get("/admin/holidays/import/template.xlsx").with(admin()).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        LocalDate day = LocalDate.of(2033, 1, 3);
        List<List<String>> rows = Spreadsheets.rows(template);
        assertThat(rows).as("the header row, no example").hasSize(1);
        assertThat(rows.get(0)).containsExactly("日期", "类型", "名称");
        byte[] filled = Spreadsheets.edited(template, sheet -> {
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(day);
            row.getCell(0).setCellStyle(sheet.getColumnStyle(0));
            row.createCell(1).setCellValue("放假");
            row.createCell(2).setCellValue("元旦（模板）");
        });
        mvc.perform(multipart("/admin/holidays/import").file(new MockMultipartFile("file", "2033.xlsx", XLSX, filled))
            .with(csrf())
            .with(admin())).andExpect(redirectedUrl("/admin/holidays"));
        assertThat(jdbc.sql("select working || ' ' || name from holiday_calendar where day = :d")
            .param("d", day)
            .query(String.class)
            .single()).isEqualTo("false 元旦（模板）");
        mvc.perform(post("/admin/holidays/" + day + "/delete").with(csrf()).with(admin()).param("version", "0"))
            .andExpect(status().is3xxRedirection());
    }

    @Test
    void noFileIsAnsweredAtTheFileFieldInChinese() throws Exception {
        for (MockMultipartFile file : List.of(new MockMultipartFile("other", new byte[0]),
                new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))) {
            String page = upload(file);
            assertThat(page).contains("id=\"file-error\">请选择要导入的文件。").doesNotContain("id=\"import-errors\"");
        }
    }

    @Test
    void aFileThatIsNeitherAWorkbookNorTextWithDaysIsAnsweredAtTheFileField() throws Exception {
        String page = upload(new MockMultipartFile("file", "x.xlsx", XLSX, new byte[] { 'P', 'K', 3, 4, 0, 0 }));
        assertThat(page).contains("id=\"file-error\">无法读取该文件");
    }

}

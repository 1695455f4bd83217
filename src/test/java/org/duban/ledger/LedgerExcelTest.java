package org.duban.ledger;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Export to .xlsx and import of the same file: the same problems come back; one bad row
 * imports nothing.
 */
@DubanTest
class LedgerExcelTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    void insert(String marker, String category, String item, String unitCode, LocalDate found) {
        jdbc.sql("""
                insert into problem (id, reference, source, category, item_code, unit_id, description, found_on,
                                     confidential, status, created_by, created_at)
                values (:id, :ref, 'RANDOM_CHECK', :cat, :item, :unit, :d, :found, false, 'REGISTERED', 'test', now())
                """)
            .param("id", UUID.randomUUID())
            .param("ref", "T-" + UUID.randomUUID().toString().substring(0, 8))
            .param("cat", category)
            .param("item", item)
            .param("unit", unit(unitCode))
            .param("d", marker + " =SUM(A1)")
            .param("found", found)
            .update();
    }

    @Test
    void anExportedLedgerImportsBackToTheSameProblems() throws Exception {
        String marker = "roundtrip-" + UUID.randomUUID();
        insert(marker, "RIGID", "RIGID.FINE_INSTEAD", "OTOGQ-SQUAD-1", LocalDate.of(2023, 6, 1));
        insert(marker, "ROUGH", null, "OTOGQ-SQUAD-2", LocalDate.of(2023, 6, 2));

        byte[] xlsx = mvc
            .perform(get("/problems/export").param("q", marker)
                .param("sort", "foundOn")
                .param("dir", "asc")
                .with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("问题线索台账");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("发现日期");
            Row first = sheet.getRow(2);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 6, 1));
            assertThat(first.getCell(7).getStringCellValue()).startsWith(marker);
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }

        mvc.perform(multipart("/problems/import").file(new MockMultipartFile("file", "ledger.xlsx", null, xlsx))
            .with(csrf())
            .with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("已导入 2 条")));
        List<String> rows = jdbc.sql("""
                select category || '|' || coalesce(item_code, '') || '|' || found_on || '|' || description
                from problem where description like :m order by created_at, found_on
                """).param("m", marker + "%").query(String.class).list();
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(2, 4)).containsExactlyElementsOf(rows.subList(0, 2));
    }

    @Test
    void oneBadRowImportsNothingAndIsReported() throws Exception {
        String marker = "bad-import-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("问题线索台账");
            String[] headers = { "发现日期", "问题来源", "问题类别", "问题事项", "涉及单位", "问题描述" };
            Row h = sheet.createRow(1);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            Object[][] data = { { "2023-05-01", "自查自纠", "执法粗暴", "冷横硬推", "执法大队一中队", marker },
                    { "2023-05-02", "自查自纠", "no such category", "", "执法大队一中队", marker },
                    { "2023-05-03", "投诉举报", "执法粗暴", "", "鄂托克旗执法大队一中队", marker } };
            for (int r = 0; r < data.length; r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < headers.length; c++) {
                    row.createCell(c).setCellValue((String) data[r][c]);
                }
            }
            wb.write(out);
        }
        mvc.perform(
                multipart("/problems/import").file(new MockMultipartFile("file", "bad.xlsx", null, out.toByteArray()))
                    .with(csrf())
                    .with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<td>4</td>")))
            .andExpect(content().string(containsString("问题类别无效")))
            .andExpect(content().string(containsString("<td>5</td>")))
            .andExpect(content().string(containsString("涉及单位无效")));
        assertThat(jdbc.sql("select count(*) from problem where description = :m")
            .param("m", marker)
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void theTemplateHoldsTheColumnsTheImportReadsAndImportsOnceFilled() throws Exception {
        byte[] template = mvc.perform(get("/problems/import/template").with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        List<List<String>> rows = org.duban.support.Spreadsheets.rows(template);
        assertThat(rows).as("the headers in row 1, no title, no example")
            .containsExactly(List.of("发现日期", "问题来源", "问题类别", "涉及单位", "问题描述", "问题事项", "涉及人员"));
        String marker = "template-import-" + UUID.randomUUID();
        byte[] filled = org.duban.support.Spreadsheets.edited(template, sheet -> {
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(LocalDate.of(2023, 5, 8));
            row.getCell(0).setCellStyle(sheet.getColumnStyle(0));
            row.createCell(1).setCellValue("自查自纠");
            row.createCell(2).setCellValue("执法粗暴");
            row.createCell(3).setCellValue("执法大队一中队");
            row.createCell(4).setCellValue(marker);
        });
        mvc.perform(multipart("/problems/import").file(new MockMultipartFile("file", "template.xlsx", null, filled))
            .with(csrf())
            .with(user(users.loadUserByUsername("workteam")))).andExpect(status().isOk());
        assertThat(jdbc.sql("select found_on::text || ' ' || category from problem where description = :m")
            .param("m", marker)
            .query(String.class)
            .list()).containsExactly("2023-05-08 ROUGH");
    }

}

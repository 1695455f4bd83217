package org.duban.screening;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.duban.support.DubanTest;
import org.duban.support.Spreadsheets;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The screening import page offers a template per kind of file and lists the chosen
 * kind's columns; a template filled with one row imports without rejections; no file, or
 * a file refused as a whole, is answered at the file field.
 */
@DubanTest
@WithWorkTeamMember
class ScreeningImportTemplateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @BeforeEach
    void empty() throws Exception {
        ScreeningTestData.clear(jdbc);
        ScreeningTestData.benchmark(imports);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The template of a kind, its headers checked, with one row filled in by header. */
    private byte[] filledTemplate(String kind, ContractFormat format, Map<String, Object> values) throws Exception {
        byte[] template = mvc.perform(get("/screening/imports/template.xlsx").param("kind", kind))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        List<List<String>> rows = Spreadsheets.rows(template);
        assertThat(rows).as("the header row, no example").hasSize(1);
        List<String> headers = rows.get(0);
        assertThat(headers).as("the Chinese headers the reader accepts, in contract order")
            .containsExactlyElementsOf(format.columns().stream().map(ContractFormat.Column::chineseHeader).toList());
        return Spreadsheets.edited(template, sheet -> {
            Row row = sheet.createRow(1);
            values.forEach((name, value) -> {
                int col = headers.indexOf(format.column(name).chineseHeader());
                Cell cell = row.createCell(col);
                if (value instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(sheet.getColumnStyle(col));
                }
                else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                }
                else {
                    cell.setCellValue(value.toString());
                }
            });
        });
    }

    @Test
    void thePageListsTheColumnsOfEachKindWithTheirTemplates() throws Exception {
        String page = page("/screening/imports?kind=BENCHMARK");
        assertThat(page).contains("href=\"/screening/imports/template.xlsx?kind=CASES\"",
                "href=\"/screening/imports/template.xlsx?kind=BENCHMARK\"", "id=\"import-columns-CASES\"",
                "id=\"import-columns-BENCHMARK\"");
        assertThat(page).contains("案号", "case_no", "决定日期", "yyyy-MM-dd", "简易（SIMPLE）", "最低罚款(元)", "min_fine", "最多两位小数",
                "是（Y）");
        assertThat(page).as("the chosen kind is shown, the other hidden")
            .contains("data-shown-value=\"CASES\" class=\"d-none\">", "data-shown-value=\"BENCHMARK\">")
            .containsPattern("<option value=\"BENCHMARK\" selected");
    }

    @Test
    void theCaseTemplateFilledWithOneRowImports() throws Exception {
        byte[] file = filledTemplate("CASES", ContractFormat.CASES,
                Map.of("case_no", "模板〔2023〕1号", "agency", "旗交通运输综合行政执法大队", "decided_on", LocalDate.of(2023, 5, 6),
                        "violation_code", "DRIVER_NO_CERTIFICATE", "fine", 600, "procedure", "普通", "rights_notified",
                        "是"));
        ImportResult result = imports.importCases(imports.start("CASES", "cases.xlsx", file.length, "test"),
                new ByteArrayInputStream(file), true);
        assertThat(result.rejections()).isEmpty();
        assertThat(jdbc
            .sql("select decided_on::text || ' ' || fine::int || ' ' || procedure from screening_case "
                    + "where case_no = '模板〔2023〕1号'")
            .query(String.class)
            .single()).isEqualTo("2023-05-06 600 ORDINARY");
    }

    @Test
    void theBenchmarkTemplateFilledWithOneRowImports() throws Exception {
        byte[] file = filledTemplate("BENCHMARK", ContractFormat.BENCHMARK, Map.of("violation_code", "TEMPLATE_TEST",
                "circumstance", "一般", "min_fine", 100, "max_fine", 200.5, "exempt_eligible", "否"));
        ImportResult result = imports.importBenchmark(imports.start("BENCHMARK", "benchmark.xlsx", file.length, "test"),
                new ByteArrayInputStream(file), true);
        assertThat(result.rejections()).isEmpty();
        assertThat(jdbc
            .sql("select circumstance || ' ' || min_fine || ' ' || max_fine from screening_benchmark "
                    + "where violation_code = 'TEMPLATE_TEST'")
            .query(String.class)
            .single()).isEqualTo("GENERAL 100.00 200.50");
        jdbc.sql("delete from screening_benchmark where violation_code = 'TEMPLATE_TEST'").update();
    }

    @Test
    void noFileOrNoKindIsAnsweredAtItsFieldInChinese() throws Exception {
        assertThat(upload("CASES", null)).contains("id=\"file-error\">请选择要导入的文件。");
        assertThat(upload(null, new MockMultipartFile("file", "cases.csv", "text/csv", new byte[0])))
            .contains("id=\"file-error\">请选择要导入的文件。", "请选择数据类型。");
    }

    /** The upload page's answer to a kind and a file, either left out when null. */
    private String upload(String kind, MockMultipartFile file) throws Exception {
        var request = multipart("/screening/imports");
        if (file != null) {
            request.file(file);
        }
        if (kind != null) {
            request.param("kind", kind);
        }
        return mvc.perform(request.with(csrf()).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileRefusedAsAWholeIsAnsweredAtTheFileFieldAndStartsNoImport() throws Exception {
        long importsBefore = jdbc.sql("select count(*) from screening_import").query(Long.class).single();
        byte[] headerOnly = filledTemplate("CASES", ContractFormat.CASES, Map.of());
        assertThat(upload("CASES", new MockMultipartFile("file", "cases.xlsx", "application/octet-stream", headerOnly)))
            .as("the template with no row")
            .contains("id=\"file-error\">文件只有表头，没有数据行。");
        String csvHeader = String.join(",",
                ContractFormat.CASES.columns().stream().map(ContractFormat.Column::chineseHeader).toList());
        assertThat(upload("CASES",
                new MockMultipartFile("file", "cases.csv", "text/csv",
                        (csvHeader + "\n").getBytes(StandardCharsets.UTF_8))))
            .contains("id=\"file-error\">文件只有表头，没有数据行。");
        assertThat(upload("CASES",
                new MockMultipartFile("file", "cases.csv", "text/csv",
                        "案号,罚款\nA1,100\n".getBytes(StandardCharsets.UTF_8))))
            .as("a required column missing")
            .contains("id=\"file-error\">缺少必需的列：");
        byte[] noDateColumn = Spreadsheets.edited(
                filledTemplate("CASES", ContractFormat.CASES, Map.of("case_no", "X1")),
                sheet -> sheet.getRow(0)
                    .getCell(ContractFormat.CASES.columns().indexOf(ContractFormat.CASES.column("decided_on")))
                    .setCellValue("备注"));
        assertThat(
                upload("CASES", new MockMultipartFile("file", "cases.xlsx", "application/octet-stream", noDateColumn)))
            .as("a required column missing from a workbook, not said to be unreadable")
            .contains("id=\"file-error\">缺少必需的列：");
        assertThat(jdbc.sql("select count(*) from screening_import").query(Long.class).single())
            .isEqualTo(importsBefore);
    }

}

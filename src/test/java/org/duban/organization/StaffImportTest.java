package org.duban.organization;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.DubanTest;
import org.duban.support.WithAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
@WithAdmin
@Transactional
class StaffImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffDirectory staff;

    long staffCount() {
        return jdbc.sql("select count(*) from staff").query(Long.class).single();
    }

    /** The downloaded template (a header row only) with the given rows below it. */
    byte[] filledTemplate(List<List<String>> rows) throws Exception {
        byte[] template = mvc.perform(get("/admin/staff/import/template.xlsx"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("no example row that would be imported").isZero();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    String upload(byte[] content, String name) throws Exception {
        return mvc
            .perform(multipart("/admin/staff/import").file(new MockMultipartFile("file", name, XLSX, content))
                .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void theTemplateHasChineseHeadersFromTheBundle() throws Exception {
        byte[] template = mvc.perform(get("/admin/staff/import/template.xlsx"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("所在单位（代码或名称）");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("姓名");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("角色");
        }
    }

    @Test
    void aGoodListIsImportedWithUnitsByCodeOrNameAndRolesByCodeOrLabel() throws Exception {
        long before = staffCount();
        String page = upload(
                filledTemplate(List.of(
                        List.of("OTOGQ-SQUAD-2", "李四", "执法队员", "13800000002", "lisi", "UNIT_STAFF",
                                "lisi@example.gov.cn"),
                        List.of("旗交通运输局规划建设股", "周六", "股长", "", "zhouliu", "工作专班、领导小组"),
                        List.of("OTOGQ-ROADS", "吴七", "", "", "", ""))),
                "staff.xlsx");
        assertThat(page).contains("已导入3名人员");
        assertThat(staffCount()).isEqualTo(before + 3);
        Staff lisi = staff.findByLogin("lisi").orElseThrow();
        assertThat(lisi.roles()).containsExactly("UNIT_STAFF");
        assertThat(lisi.phone()).isEqualTo("13800000002");
        assertThat(lisi.email()).isEqualTo("lisi@example.gov.cn");
        assertThat(staff.findByLogin("zhouliu").orElseThrow().email()).isNull();
        assertThat(staff.findByLogin("zhouliu").orElseThrow().roles()).containsExactlyInAnyOrder("WORK_TEAM",
                "LEADING_GROUP");
        // Imported accounts cannot sign in until an administrator sets a password.
        assertThat(jdbc.sql("select password_hash from staff where login = 'lisi'")
            .query(String.class)
            .optional()
            .orElse(null)).isNull();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'organization.staff.imported'")
            .query(Long.class)
            .single()).isEqualTo(3);
    }

    @Test
    void aListWithBadRowsImportsNothingAndReportsEachRow() throws Exception {
        long before = staffCount();
        String page = upload(filledTemplate(List.of(List.of("OTOGQ-SQUAD-2", "好人", "", "", "goodrow", "UNIT_STAFF"),
                List.of("NO-SUCH-UNIT", "无单位", "", "", "", ""), List.of("OTOGQ-SQUAD-2", "重名", "", "", "leader", ""),
                List.of("OTOGQ-SQUAD-2", "乱角色", "", "", "", "皇帝"),
                List.of("OTOGQ-SQUAD-2", "坏电话", "", "call-me-maybe", "", ""),
                List.of("OTOG-SQUAD-1", "", "", "", "goodrow", ""),
                List.of("OTOGQ-SQUAD-2", "坏邮箱", "", "", "", "", "not-an-email"))), "staff.xlsx");
        assertThat(staffCount()).isEqualTo(before);
        assertThat(staff.findByLogin("goodrow")).isEmpty();
        assertThat(page).contains("未导入任何人员");
        assertThat(page).containsPattern("<td>3</td>\\s*<td>[^<]*</td>\\s*<td>[^<]*NO-SUCH-UNIT");
        assertThat(page).containsPattern("<td>4</td>\\s*<td>用户名</td>\\s*<td>用户名“leader”已被使用");
        assertThat(page).containsPattern("<td>5</td>\\s*<td>角色</td>\\s*<td>找不到角色“皇帝”");
        assertThat(page).containsPattern("<td>6</td>\\s*<td>联系电话</td>");
        // Row 7: the administrator sees every county, so the unit is fine; the missing
        // name and the login
        // repeated from row 2 are reported.
        assertThat(page).containsPattern("<td>7</td>\\s*<td>姓名</td>");
        assertThat(page).containsPattern("<td>7</td>\\s*<td>用户名</td>\\s*<td>用户名“goodrow”在文件中重复出现");
        assertThat(page).containsPattern("<td>8</td>\\s*<td>电子邮箱</td>");
        assertThat(page).doesNotContainPattern("<td>2</td>");
    }

    @Test
    void aTemplateFromBeforeTheEmailColumnStillImports() throws Exception {
        long before = staffCount();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            List<String> header = List.of("所在单位（代码或名称）", "姓名", "职务", "联系电话", "用户名", "角色");
            List<String> row = List.of("OTOGQ-SQUAD-2", "郑八", "执法队员", "", "zhengba", "UNIT_STAFF");
            Row h = sheet.createRow(0);
            Row r = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
                r.createCell(c).setCellValue(row.get(c));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            assertThat(upload(out.toByteArray(), "old.xlsx")).contains("已导入1名人员");
        }
        assertThat(staffCount()).isEqualTo(before + 1);
        assertThat(staff.findByLogin("zhengba").orElseThrow().email()).isNull();
    }

    @Test
    void aFileThatIsNotAZipIsRefusedWhateverItsName() throws Exception {
        String page = upload("name,unit\nx,y\n".getBytes(StandardCharsets.UTF_8), "staff.xlsx");
        assertThat(page).contains("文件不是Excel工作簿");
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(upload(out.toByteArray(), "staff.xlsx")).contains("无法读取该工作簿");
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        // A workbook whose sheet inflates far beyond its compressed size trips POI's
        // inflate-ratio guard.
        byte[] template = filledTemplate(List.of(List.of("OTOGQ-SQUAD-2", "x".repeat(30000), "", "", "", "")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(template));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/bomb.xml"));
            zip.write(new byte[20 * 1024 * 1024]);
            zip.closeEntry();
        }
        assertThat((long) out.size()).isLessThan(StaffImportFile.MAX_BYTES);
        assertThat(upload(template, "staff.xlsx")).doesNotContain("无法读取该工作簿").contains("未导入任何人员");
        assertThat(upload(out.toByteArray(), "staff.xlsx")).contains("无法读取该工作簿");
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() throws Exception {
        byte[] big = new byte[(int) StaffImportFile.MAX_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        assertThat(upload(big, "staff.xlsx")).contains("文件过大");
    }

    @Test
    void aSheetWithoutTheTemplateHeaderIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue("姓名");
            row.createCell(1).setCellValue("所在单位");
            workbook.createSheet().createRow(1).createCell(0).setCellValue("x");
            workbook.write(out);
        }
        assertThat(upload(out.toByteArray(), "staff.xlsx")).contains("第1列表头应为");
    }

}

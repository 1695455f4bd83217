package org.duban.organization;

import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration and audit pages in a real browser: strict CSP, CSRF on forms and
 * uploads, navigation.
 */
class AdministrationBrowserIT extends BrowserTest {

    @Test
    void anAdministratorBrowsesUnitsAndStaffAndAnImportWithABadRowIsReported() throws IOException {
        signIn("admin");
        page.click("nav >> text=组织机构");
        assertThat(page.textContent("td.tree-indent-3")).isNotBlank();
        assertThat(page.textContent("table")).contains("执法大队一中队", "中队");
        screenshot("admin-units");

        page.click("nav >> text=人员");
        page.fill("#q", "康占");
        page.click("form[method=get] button[type=submit]");
        assertThat(page.textContent("table")).contains("康占锋");
        screenshot("admin-staff");

        page.navigate(url("/admin/staff/import"));
        page.setInputFiles("#file", new FilePayload("staff.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", badList()));
        page.click("form[enctype] button[type=submit]");
        assertThat(page.textContent("#import-report")).contains("NO-SUCH-UNIT");
        screenshot("admin-staff-import-report");
    }

    @Test
    void anAuditorReadsRolesAndVerifiesTheLogChain() {
        signIn("auditor");
        page.click("nav >> text=角色权限");
        assertThat(page.textContent("table")).contains("查看操作日志").doesNotContain("audit:log:read");
        assertThat(page.locator("a[href*='/admin/roles/']").count()).isZero();

        page.click("nav >> text=操作日志");
        page.fill("#action", "organization.unit");
        page.click("form[method=get] button[type=submit]");
        assertThat(page.textContent("#audit-entries")).contains("新增机构");
        page.click("text=校验日志链");
        assertThat(page.textContent("#chain-intact")).contains("校验通过");
        screenshot("audit-verified");
    }

    private static byte[] badList() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet().createRow(0);
            String[] headers = { "所在单位（代码或名称）", "姓名", "职务", "联系电话", "用户名", "角色" };
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row row = workbook.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue("NO-SUCH-UNIT");
            row.createCell(1).setCellValue("无名");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

}

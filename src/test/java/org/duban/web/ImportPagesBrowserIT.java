package org.duban.web;

import com.microsoft.playwright.Download;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every import page in a real browser: it lists the columns its file takes and offers a
 * template that downloads as a workbook; a template sent back empty is answered under the
 * file field, the page kept.
 */
class ImportPagesBrowserIT extends BrowserTest {

    /**
     * The page's column list names {@code header}; its template link downloads a
     * workbook.
     */
    private Path template(String path, String templateLink, String columnList, String header) {
        page.navigate(url(path));
        assertThat(page.textContent("#" + columnList)).contains(header);
        Download download = page.waitForDownload(() -> page.click("#" + templateLink));
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        return download.path();
    }

    @Test
    void theAdministratorsImportPagesOfferTheirTemplates() {
        List<String> errors = watchForErrors();
        signIn("admin");
        template("/admin/staff/import", "import-template", "import-columns", "姓名");
        template("/admin/holidays", "import-template", "import-columns", "日期");
        screenshot("holiday-import-columns");
        assertThat(errors).isEmpty();
    }

    @Test
    void aWorkTeamMemberSendsATemplateBackEmptyAndIsToldAtTheField() {
        List<String> errors = watchForErrors();
        signIn("workteam");
        template("/problems/import", "import-template", "import-columns", "发现日期");
        template("/tasks/import", "import-template", "import-columns", "工作任务");
        Path cases = template("/screening/imports?kind=CASES", "import-template-CASES", "import-columns-CASES", "案号");
        page.setInputFiles("#file", cases);
        page.click("form[action$='/screening/imports'] button[type=submit]");
        page.waitForSelector("#file-error");
        assertThat(page.textContent("#file-error")).contains("文件只有表头");
        assertThat(page.url()).as("no import was started").endsWith("/screening/imports");
        screenshot("screening-import-header-only");
        assertThat(errors).isEmpty();
    }

}

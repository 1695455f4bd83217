package org.duban.typicalcase;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typical cases in a browser: the public portal shows the anonymised text of the
 * published cases and nothing of the internal record; the leader approves a draft.
 */
class TypicalCaseBrowserIT extends BrowserTest {

    static final String DRAFT = "一中队执法辅助人员查扣车辆时与驾驶员推搡问题";

    @Test
    void thePublicSeesOnlyAnonymisedCasesAndTheLeaderApprovesADraft() {
        List<String> errors = watchForErrors();
        page.navigate(url("/public/typical-cases"));
        String published = page.textContent("body");
        // The public title of the negative case, never the internal one that names the
        // officer.
        assertThat(published).contains("执法人员办“人情案”受到严肃处理", "推行首违不罚清单 规范包容审慎执法").doesNotContain("张某", DRAFT);
        screenshot("typical-cases-public");

        signIn("leader");
        page.navigate(url("/typical-cases"));
        page.click("text=" + DRAFT);
        page.click("#approve");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("section")).contains("已审定");
        assertThat(page.locator("#approve").count()).isZero();
        screenshot("typical-case-approved");
        assertThat(errors).isEmpty();
    }

}

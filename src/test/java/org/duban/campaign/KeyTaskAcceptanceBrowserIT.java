package org.duban.campaign;

import com.microsoft.playwright.options.FilePayload;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most important flow of issue 14 in a browser: a task at 100 % with evidence,
 * accepted by the leader.
 */
class KeyTaskAcceptanceBrowserIT extends BrowserTest {

    static final String TASK = "研究制定专项整治具体实施方案，建立工作台账";

    @Test
    void theWorkTeamReportsHundredPercentWithEvidenceAndTheLeaderAccepts() {
        List<String> errors = watchForErrors();
        signIn("workteam");
        page.navigate(url("/tasks?q=" + java.net.URLEncoder.encode(TASK, StandardCharsets.UTF_8)));
        page.click("text=" + TASK);
        page.fill("#progress-form input[name=text]", "实施方案已印发，工作台账已建立");
        page.fill("#progress-form input[name=percent]", "100");
        page.setInputFiles("#progress-form input[type=file]", new FilePayload("plan.pdf", "application/pdf",
                "%PDF-1.4\nplan\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
        page.click("#progress-form button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("dl")).contains("待验收");
        assertThat(page.locator("#acceptance-form").count()).isZero();
        screenshot("keytask-awaiting-acceptance");

        context.clearCookies();
        signIn("leader");
        page.navigate(url("/tasks?q=" + java.net.URLEncoder.encode(TASK, StandardCharsets.UTF_8)));
        page.click("text=" + TASK);
        page.fill("#opinion", "方案和台账齐全，符合检验标准");
        page.click("#acceptance-form button[value=accept]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("dl")).contains("已验收完成", "方案和台账齐全，符合检验标准");
        screenshot("keytask-accepted");
        assertThat(errors).isEmpty();
    }

}

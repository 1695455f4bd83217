package org.duban.regulation;

import com.microsoft.playwright.options.SelectOption;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 建章立制 in a browser: the work team drafts a rule prompted by a problem of the ledger, and
 * the rule's page names that problem.
 */
class RegulationBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkTeamDraftsARulePromptedByAProblem() {
        String title = "超限检测站称重设备定期检定管理办法 " + UUID.randomUUID().toString().substring(0, 6);
        String problem = jdbc.sql("select reference from problem where description like '%称重设备检定证书过期%'")
            .query(String.class)
            .list()
            .get(0);
        List<String> errors = watchForErrors();
        signIn("workteam");
        page.navigate(url("/regulations"));
        page.click("text=起草制度");
        page.fill("#title", title);
        page.selectOption("#unitId", new SelectOption().setIndex(1));
        page.fill("#summary", "检测站称重设备每年检定一次，证书到期前30日报送复检。");
        page.fill("#problemReferences", problem);
        page.click("#regulation-form button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("h1")).contains(title);
        assertThat(page.textContent("#linked-problems")).contains(problem);
        screenshot("regulation-drafted");
        assertThat(errors).isEmpty();
    }

}

package org.duban.suggestion;

import org.duban.organization.StaffDirectory;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frontline voice in a browser: an officer leaves an anonymous suggestion, the work
 * team sees it without the officer's name and answers it.
 */
class SuggestionBrowserIT extends BrowserTest {

    @Autowired
    StaffDirectory staff;

    @Test
    void anOfficerSuggestsAnonymouslyAndTheWorkTeamAnswers() {
        String text = "建议统一暂扣车辆停放场的收费标准 " + UUID.randomUUID().toString().substring(0, 8);
        String officer = staff.findByLogin("unit").orElseThrow().name();
        List<String> errors = watchForErrors();

        signIn("unit");
        page.navigate(url("/suggestions/new"));
        page.fill("#text", text);
        page.check("#anonymous1");
        page.click("#suggestion-form button[type=submit]");
        page.waitForSelector(".alert-success");

        context.clearCookies();
        signIn("workteam");
        page.navigate(url("/suggestions"));
        String row = page.textContent("tr:has-text('" + text + "')");
        assertThat(row).contains("匿名").doesNotContain(officer);
        page.click("tr:has-text('" + text + "') a");
        page.fill("#answer-text", "已纳入停放场收费规范，下月起执行");
        page.click("#answer-form button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("#answer")).contains("已纳入停放场收费规范");
        assertThat(page.textContent("section")).doesNotContain(officer);
        screenshot("suggestion-answered");
        assertThat(errors).isEmpty();
    }

}

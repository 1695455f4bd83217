package org.duban.handdown;

import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.duban.shared.DemoFiles;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city → county flow in a browser: the city's work team assigns a key task to two
 * counties; each county's work team finds it in 我的待办 and reports back with evidence; the
 * city returns 鄂托克前旗's report once with its reasons and accepts 鄂托克旗's; 鄂托克前旗 reworks it
 * and the city accepts it too.
 */
class HandDownBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    void as(String login) {
        context.clearCookies();
        signIn(login);
    }

    String item(String title, String county) {
        return jdbc.sql("""
                select h.id from hand_down h join org_unit u on u.id = h.to_unit_id
                where h.title = :t and u.code = :c
                """).param("t", title).param("c", county).query(UUID.class).single().toString();
    }

    void reportBack(String id, String text) {
        openToDoWith(id);
        assertThat(page.textContent("tr[data-item='" + id + "']")).contains("上级交办");
        page.click("tr[data-item='" + id + "'] a[href^='/handdowns/']");
        page.fill("#report-text", text);
        page.setInputFiles("#evidence", new FilePayload("evidence.pdf", "application/pdf", DemoFiles.PDF));
        page.click("#report-submit");
        assertThat(page.textContent("#handdown-status")).isEqualTo("已反馈待验收");
    }

    @Test
    void theCityAssignsATaskTwoCountiesReportBackOneIsReturnedOnceThenBothAreAccepted() {
        List<String> errors = watchForErrors();
        String title = "Browser hand-down " + UUID.randomUUID().toString().substring(0, 6);
        as("city-workteam");
        page.navigate(url("/handdowns"));
        page.click("#new-task");
        page.selectOption("#toUnitIds", new SelectOption[] { new SelectOption().setLabel("鄂托克前旗交通运输局"),
                new SelectOption().setLabel("鄂托克旗交通运输局") });
        page.fill("#title", title);
        page.fill("#description", "Report the second half-year self-inspection with the case list");
        page.fill("#deadline", LocalDate.now().plusDays(20).toString());
        page.fill("#acceptanceStandard", "Every brigade covered");
        page.fill("#requiredFeedback", "Summary as PDF");
        screenshot("handdown-city-form");
        page.click("#handdown-form button[type=submit]");
        page.waitForSelector("#tallies");
        screenshot("handdown-city-list");
        String front = item(title, "OTOGQ");
        String otog = item(title, "OTOG");

        as("workteam");
        reportBack(front, "Self-inspection summary attached");
        as("otog-workteam");
        reportBack(otog, "Summary and case list attached");

        as("city-workteam");
        openToDoWith(front);
        assertThat(page.textContent("tr[data-item='" + front + "']")).contains("验收或退回");
        page.navigate(url("/handdowns/" + front));
        page.fill("#reasons", "The case list of the second squad is missing");
        page.click("#return");
        assertThat(page.textContent("#handdown-status")).isEqualTo("已退回重办");
        page.navigate(url("/handdowns/" + otog));
        page.click("#accept");
        assertThat(page.textContent("#handdown-status")).isEqualTo("已验收办结");

        as("workteam");
        openToDoWith(front);
        assertThat(page.textContent("tr[data-item='" + front + "']")).contains("按退回意见重办");
        reportBack(front, "Second squad's case list added");
        screenshot("handdown-county-reported");

        as("city-workteam");
        page.navigate(url("/handdowns/" + front));
        page.click("#accept");
        assertThat(page.textContent("#handdown-status")).isEqualTo("已验收办结");
        assertThat(page.textContent("#steps")).contains("The case list of the second squad is missing");
        screenshot("handdown-city-accepted");
        assertThat(errors).isEmpty();
    }

}

package org.duban.reporting;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingBrowserIT extends BrowserTest {

    private final List<String> consoleErrors = new ArrayList<>();

    private void signInFresh(String login) {
        context.clearCookies();
        // Script errors (a CSP violation included) and failed requests, except the
        // browser's own favicon probe.
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });
        signIn(login);
    }

    @Test
    void aMonthlyReportIsDraftedApprovedSubmittedAndArrivesInTheCityBureausInbox() {
        signInFresh("workteam");
        page.navigate(url("/reports"));
        page.selectOption("#kind", "MONTHLY");
        // The demonstration holds the county's reports for March to October 2023;
        // November is still to draft.
        page.fill("#month", "2023-11");
        page.click("#new-report button[type=submit]");
        page.waitForSelector("#report-form");
        assertThat(page.inputValue("#progress")).contains("2023年11月");
        page.fill("#docYear", "2023");
        page.fill("#docSeq", "135");
        page.fill("#suggestions", "建议市局加强执法培训。");
        page.click("#save-report");
        page.waitForSelector(".alert-success");
        page.click("#preview");
        page.waitForSelector("#official-document");
        assertThat(page.textContent(".od-number")).contains("鄂前交发〔2023〕135号");
        screenshot("report-preview");
        String reportUrl = page.url().replace("/preview", "");

        signInFresh("leader");
        page.navigate(reportUrl);
        page.click("#approve");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("#report-status")).contains("已审定");

        signInFresh("workteam");
        page.navigate(reportUrl);
        page.click("#submit-upward");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("#report-status")).contains("已报送");

        signInFresh("city");
        page.navigate(url("/reports/inbox"));
        assertThat(page.textContent("#inbox")).contains("鄂托克前旗交通运输局", "鄂前交发〔2023〕135号", "待处理");
        page.click("#inbox a:has-text('2023年11月')");
        page.waitForSelector("#official-document");
        assertThat(page.textContent(".od-number")).contains("签发人：热希");
        screenshot("report-received");
        page.click("#receive");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("#report-status")).contains("已签收");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theDashboardIsTheHomePageAndTheCityBureauSeesCountiesSideBySide() {
        signInFresh("leader");
        page.navigate(url("/"));
        page.waitForSelector("#home-dashboard [data-chart=timeline] canvas");
        assertThat(page.textContent("#home-dashboard .phase-current")).contains("总结提升");
        screenshot("dashboard-county");

        signInFresh("city");
        page.navigate(url("/dashboard"));
        page.waitForSelector("[data-chart=counties] canvas");
        assertThat(page.textContent("#county-figures thead")).contains("鄂托克前旗交通运输局", "鄂托克旗交通运输局");
        screenshot("dashboard-city");
        // Every figure opens the rows behind it: here a complaint rate, whose list marks
        // the rows it counts.
        page.click("a[data-figure=complaintsOnTimeRate]");
        page.waitForSelector("#figure-total");
        assertThat(page.url()).contains("/dashboard/list?figure=complaintsOnTimeRate");
        screenshot("dashboard-list");
        assertThat(consoleErrors).isEmpty();
    }

}

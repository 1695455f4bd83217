package org.duban.screening;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening pages end to end in a browser: a benchmark and a small generated cases
 * file imported from the web page (with its progress), a run, the findings, a case, one
 * finding turned into a problem and one dismissed.
 */
class ScreeningBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void importRunReviewAndDecideFindingsInTheBrowser() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screening-it"));
        Path benchmark = dir.resolve("benchmark.csv");
        try (var in = getClass().getResourceAsStream("/screening/benchmark.csv")) {
            Files.copy(in, benchmark, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // A year of the demonstration brigades' cases (later than the demonstration data,
        // so all of them are new).
        CaseGenerator.Plan plan = new CaseGenerator.Plan();
        plan.cases = 1_500;
        plan.perCaseRule = 3;
        plan.from = LocalDate.of(2024, 1, 1);
        Path cases = dir.resolve("cases-2024.csv");
        try (Writer out = Files.newBufferedWriter(cases, StandardCharsets.UTF_8)) {
            new CaseGenerator(plan).write(out);
        }

        List<String> consoleErrors = watchForErrors();
        signIn("workteam");
        upload("BENCHMARK", benchmark);
        assertThat(page.textContent("#import-progress")).contains("完成");
        upload("CASES", cases);
        assertThat(page.textContent("#import-progress")).contains("完成");
        screenshot("screening-import");

        page.navigate(url("/screening/runs"));
        page.click("form[action$='/screening/runs'] button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("tbody tr:first-child")).as("who started it, by name")
            .contains(jdbc.sql("select name from staff where login = 'workteam'").query(String.class).single())
            .doesNotContain("workteam");
        screenshot("screening-runs");

        // Findings of one rule: open one, drill into its case, turn it into a problem.
        page.navigate(url("/screening/findings"));
        page.waitForSelector("[data-chart-url] canvas");
        screenshot("screening-findings");
        page.selectOption("#rule", "FINE_OUT_OF_RANGE");
        page.selectOption("#status", "OPEN");
        page.click("form[action$='/screening/findings'] button[type=submit]");
        page.waitForURL(u -> u.contains("rule=FINE_OUT_OF_RANGE"));
        page.click("tbody tr:first-child td a");
        page.waitForSelector("p.lead");
        assertThat(page.textContent("p.lead")).contains("罚款");
        String findingUrl = page.url();
        String caseNo = page.textContent("tbody tr:first-child td a").strip();
        page.click("tbody tr:first-child td a");
        page.waitForURL(u -> u.contains("/screening/cases/"));
        assertThat(page.textContent("h1")).contains(caseNo);
        screenshot("screening-case");
        page.navigate(findingUrl);
        page.click("form[action$='/problem'] button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("dl")).contains("已转问题线索");
        screenshot("screening-finding-problem");

        // Another finding dismissed with a reason.
        page.navigate(url("/screening/findings?rule=SINGLE_OFFICER&status=OPEN"));
        page.click("tbody tr:first-child td a");
        page.waitForSelector("#reason");
        page.fill("#reason", "经核查，该案系简易程序现场处置，一人执法符合规定。");
        page.click("form[action$='/dismiss'] button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("dl")).contains("已排除", "经核查");
        screenshot("screening-finding-dismissed");
        assertThat(consoleErrors).isEmpty();
    }

    private void upload(String kind, Path file) {
        page.navigate(url("/screening/imports"));
        page.selectOption("#kind", kind);
        page.setInputFiles("#file", file);
        page.click("form[action$='/screening/imports'] button[type=submit]");
        page.waitForURL(u -> u.matches(".*/screening/imports/[0-9a-f-]{36}$"));
        // The progress fragment polls until the import is done, then stops polling.
        page.waitForSelector("#import-progress:not([hx-get])");
    }

}

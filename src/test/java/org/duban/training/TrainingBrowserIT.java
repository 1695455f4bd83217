package org.duban.training;

import com.microsoft.playwright.Locator;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 学习教育 in a browser: the work team ticks everyone present at a held session, and the
 * dashboard shows the attendance per unit.
 */
class TrainingBrowserIT extends BrowserTest {

    @Test
    void theWorkTeamRecordsAttendanceAndTheDashboardShowsTheRates() {
        List<String> errors = watchForErrors();
        signIn("workteam");
        page.navigate(url("/trainings"));
        assertThat(page.locator("#attendance-rates tbody tr").count()).isPositive();
        page.click("text=《行政处罚法》专题培训");
        Locator boxes = page.locator("#attendees input[type=checkbox]");
        assertThat(boxes.count()).isPositive();
        for (int i = 0; i < boxes.count(); i++) {
            boxes.nth(i).check();
        }
        page.click("#attendance-form button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.locator("#attendees input[type=checkbox]:not(:checked)").count()).isZero();
        screenshot("training-attendance");

        page.navigate(url("/dashboard"));
        assertThat(page.locator("#dashboard-attendance tbody tr").count()).isPositive();
        assertThat(page.textContent("#dashboard-attendance")).contains("%");
        screenshot("dashboard-attendance");
        assertThat(errors).isEmpty();
    }

}

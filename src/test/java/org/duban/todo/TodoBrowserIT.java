package org.duban.todo;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 督办 in a browser: the work team assigns a problem to 一中队; the squad member's badge and
 * 我的待办 show it; the work team confirms it and hands the rectification to the squad; the
 * squad rectifies and reports; the item leaves the squad's to-do for its 已办 and lands on
 * the work team's desk for the check.
 */
class TodoBrowserIT extends BrowserTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

    void as(String login) {
        context.clearCookies();
        signIn(login);
    }

    int badge() {
        // The badge is filled by htmx from /todo/badge; when it is not, say what that
        // answers.
        var answer = page.request().get(url("/todo/badge"));
        assertThat(answer.status()).as("GET /todo/badge on %s: %s", page.url(), answer.text()).isEqualTo(200);
        // Attached, not visible: a badge with nothing to count is empty, and the
        // assertions
        // on the number say what is wrong better than a timeout.
        page.waitForSelector("#todo-badge .todo-badge-count",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        return Integer.parseInt(page.getAttribute("#todo-badge .todo-badge-count", "data-count"));
    }

    String row(String id) {
        return "tr[data-item='" + id + "']";
    }

    @Test
    void theSquadSeesTheAssignedProblemActsOnItAndFindsItInItsDone() {
        List<String> errors = watchForErrors();
        as("workteam");
        page.navigate(url("/problems/new"));
        page.selectOption("#source", "SURPRISE_INSPECTION");
        page.selectOption("#category", "PROFIT_DRIVEN");
        page.selectOption("#itemCode", "PROFIT_DRIVEN.COLLECTION");
        page.selectOption("#unitId", new SelectOption().setLabel("执法大队一中队"));
        page.fill("#foundOn", "2023-06-02");
        page.fill("#description", "Todo browser test: cash fines at the weigh station");
        page.click("#register-form button[type=submit]");
        String id = page.url().replaceAll(".*/problems/", "").replaceAll("[?#].*", "");
        page.fill("#assign-days", "10");
        page.click("#assign-form button[type=submit]");

        as("unit");
        int before = badge();
        assertThat(before).isPositive();
        openToDoWith(id);
        assertThat(page.textContent(row(id))).contains("已交办，待核查");
        screenshot("todo-squad-assigned");

        as("workteam");
        page.navigate(url("/problems/" + id));
        page.click("#verify-form button[type=submit]");
        page.fill("#decide-reasons", "Payers confirm cash payments without receipts");
        page.click("#confirm-button");
        page.selectOption("#rectify-unit", new SelectOption().setLabel("执法大队一中队"));
        page.fill("#rectify-person", "李明");
        page.fill("#rectify-deadline", LocalDate.now().plusDays(30).toString());
        page.click("#rectify-form button[type=submit]");

        as("unit");
        openToDoWith(id);
        assertThat(page.textContent(row(id))).contains("落实整改");
        page.click(row(id) + " a[href^='/problems/']");
        page.fill("#measure-text", "Collect fines only through the bank");
        page.fill("#measure-owner", "李明");
        page.fill("#measure-deadline", LocalDate.now().plusDays(20).toString());
        page.click("#measure-form button[type=submit]");
        page.setInputFiles("#evidence-file", new FilePayload("bank.png", "image/png", PNG));
        page.click("#evidence-form button[type=submit]");
        page.fill("#rectified-note", "All fines now paid at the bank");
        page.click("#rectified-form button[type=submit]");
        assertThat(page.getAttribute("#problem-status", "data-status")).isEqualTo("RECTIFIED");

        openToDoWith(id);
        assertThat(page.locator(row(id)).count()).isZero();
        page.navigate(url("/todo/done"));
        assertThat(page.locator("#done-table tbody tr").first().getAttribute("data-item")).isEqualTo(id);
        assertThat(page.textContent(row(id))).contains("报告整改完成");
        screenshot("todo-squad-done");

        as("workteam");
        openToDoWith(id);
        assertThat(page.textContent(row(id))).contains("整改核验");
        page.navigate(url("/"));
        page.waitForSelector("#todo-panel");
        screenshot("todo-home-panel-workteam");
        assertThat(errors).isEmpty();
    }

}

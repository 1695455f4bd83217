package org.duban.todo;

import com.microsoft.playwright.options.SelectOption;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of the campaign walked by each role, in the order the work moves: a citizen's
 * complaint reaches the work team's desk, goes to the squad, comes back for review and
 * returns to the citizen; the monthly report goes from the work team to the leader, up to
 * the city, back down with the city's reasons, and up again. At every hand-over the next
 * desk's 我的待办 shows the item and its 站内信 holds the notice, without anyone telling them.
 *
 * <p>
 * The screenshots are the README's "A month of 督办"; run with
 * {@code -Dduban.docs.update=true} to copy them into {@code docs/images/}.
 */
class MonthOfSupervisionBrowserIT extends BrowserTest {

    /**
     * Where this test's complaint happened: nothing else in the demonstration is there.
     */
    static final String PLACE = "苏米图检查站";

    void as(String login) {
        context.clearCookies();
        signIn(login);
    }

    String todoRow(String id) {
        return "#todo-table tr[data-item='" + id + "']";
    }

    /** The id at the end of the current page's path, e.g. /complaints/{id}. */
    String idInUrl() {
        return page.url().replaceAll("[?#].*", "").replaceAll(".*/", "");
    }

    /**
     * Notices are delivered after the commit, from the event publication registry; the
     * inbox is reloaded until the notice is there.
     */
    void awaitNotice(String text) {
        long until = System.currentTimeMillis() + 60_000;
        page.navigate(url("/notifications"));
        while (!newestNotice().contains(text) && System.currentTimeMillis() < until) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(newestNotice()).contains(text);
    }

    String newestNotice() {
        return page.isVisible("#inbox li") ? page.textContent("#inbox li:first-child") : "";
    }

    @Test
    void everyHandOverOfTheMonthLandsOnTheNextDeskAndIsNoticed() {
        List<String> errors = watchForErrors();

        // A citizen complains on the county's public page.
        page.navigate(url("/public/b/OTOGQ/"));
        page.click("#complain");
        page.selectOption("#type", "ROUGH");
        page.fill("#content", "月度督办测试：执法人员在苏米图检查站态度粗暴，推搡司机。");
        page.fill("#occurredOn", "2023-11-03");
        page.fill("#location", PLACE);
        page.fill("#phone", "13912340001");
        page.check("#consent");
        page.click("#complaint-form button[type=submit]");
        page.waitForSelector("#receipt");
        String receipt = page.textContent("#receipt").trim();

        // The work team finds it on its desk, accepts it and hands it to the first squad.
        as("workteam");
        page.navigate(url("/complaints?status=SUBMITTED&q=" + PLACE));
        page.click("#inbox tbody tr:first-child a");
        String complaintId = idInUrl();
        openToDoWith(complaintId);
        assertThat(page.textContent(todoRow(complaintId))).contains("受理");
        documentationShot("month-1-workteam-todo");
        page.click(todoRow(complaintId) + " a[href^='/complaints/']");
        page.click("#accept");
        page.waitForSelector("#assign-form");
        page.selectOption("#assign-unit", new SelectOption().setLabel("执法大队一中队"));
        page.click("#assign");
        page.waitForSelector("#handling-unit");

        // The squad is told and finds the complaint on its desk; it answers.
        as("unit");
        awaitNotice("一件投诉举报已交办本单位");
        documentationShot("month-2-squad-notice");
        openToDoWith(complaintId);
        assertThat(page.textContent(todoRow(complaintId))).contains("办理答复");
        documentationShot("month-3-squad-todo");
        page.click(todoRow(complaintId) + " a[href^='/complaints/']");
        page.fill("#result", "经核查属实，已对当事执法人员批评教育并调离岗位。");
        page.fill("#answer-feedback", "经核查情况属实，已对相关人员严肃处理。");
        page.click("#answer");
        page.waitForSelector("#status");
        page.navigate(url("/todo/done"));
        assertThat(page.textContent("#done-table")).contains("投诉举报");

        // Back on the work team's desk for review; approved, the answer goes to the
        // public.
        as("workteam");
        openToDoWith(complaintId);
        assertThat(page.textContent(todoRow(complaintId))).contains("审核答复");
        page.navigate(url("/complaints/" + complaintId));
        page.click("#approve");
        page.waitForSelector("#feedback");

        context.clearCookies();
        page.navigate(url("/public/complaints/status"));
        page.fill("#receipt", receipt);
        page.click("#lookup-form button[type=submit]");
        page.waitForSelector("#case");
        assertThat(page.textContent("#case-status")).isEqualTo("已答复");

        // The monthly report: drafted by the work team, waiting for the leader.
        as("workteam");
        page.navigate(url("/reports"));
        page.selectOption("#kind", "MONTHLY");
        page.fill("#month", "2023-12");
        page.click("#new-report button[type=submit]");
        page.waitForSelector("#report-form");
        page.fill("#docYear", "2023");
        page.fill("#docSeq", "151");
        page.click("#save-report");
        page.waitForSelector(".alert-success");
        String reportId = idInUrl();

        as("leader");
        openToDoWith(reportId);
        assertThat(page.textContent(todoRow(reportId))).contains("审批签发");
        documentationShot("month-4-leader-todo");
        page.navigate(url("/reports/" + reportId));
        page.click("#approve");
        page.waitForSelector(".alert-success");

        as("workteam");
        openToDoWith(reportId);
        assertThat(page.textContent(todoRow(reportId))).contains("报送上级");
        page.navigate(url("/reports/" + reportId));
        page.click("#submit-upward");
        page.waitForSelector(".alert-success");

        // The city finds it in its to-do, returns it with its reasons ...
        as("city");
        openToDoWith(reportId);
        assertThat(page.textContent(todoRow(reportId))).contains("接收审阅");
        documentationShot("month-5-city-todo");
        page.navigate(url("/reports/inbox"));
        page.click("#inbox a:has-text('2023年12月')");
        page.waitForSelector("#official-document");
        page.fill("input[name=comment]", "请补充12月投诉办理的满意率。");
        page.click("#return");
        page.waitForSelector(".alert-success");

        // ... and the work team is told and has it back on its desk to redo.
        as("workteam");
        awaitNotice("被上级退回");
        openToDoWith(reportId);
        assertThat(page.textContent(todoRow(reportId))).contains("修改后重新报送");
        documentationShot("month-6-workteam-returned");

        assertThat(errors).isEmpty();
    }

}

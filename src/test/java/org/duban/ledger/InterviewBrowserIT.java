package org.duban.ledger;

import com.microsoft.playwright.options.SelectOption;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 约谈 in a browser: the work team records an interview with its minutes and follow-up. */
class InterviewBrowserIT extends BrowserTest {

    @Test
    void theWorkTeamRecordsAnInterview() {
        String interviewee = "二中队中队长 " + UUID.randomUUID().toString().substring(0, 6);
        List<String> errors = watchForErrors();
        signIn("workteam");
        page.navigate(url("/accountability/interviews/new"));
        page.fill("#interviewer", "领导小组副组长");
        page.fill("#interviewee", interviewee);
        page.selectOption("#unitId", new SelectOption().setIndex(1));
        page.fill("#heldOn", "2023-09-12");
        page.fill("#reason", "二中队同类裁量问题多次出现");
        page.fill("#minutes", "中队长说明了原因，承诺一个月内完成案卷自查。");
        page.fill("#followUp", "10月底前报送自查报告");
        page.click("#interview-form button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("section")).contains(interviewee, "二中队同类裁量问题多次出现", "10月底前报送自查报告");
        screenshot("interview-recorded");
        assertThat(errors).isEmpty();
    }

}

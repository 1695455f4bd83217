package org.duban.complaint;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path on a phone-sized screen: the public submits and gets a receipt, the work
 * team accepts and assigns, the squad answers, the work team publishes the answer, and
 * the public looks the case up and rates it.
 */
class ComplaintBrowserIT extends BrowserTest {

    @Test
    void aComplaintGoesFromThePhoneThroughTheBureauAndBackToThePublicWhoRatesIt() {
        page.setViewportSize(390, 844);

        // The public: notice, form, receipt.
        page.navigate(url("/public/"));
        screenshot("complaint-public-bureaus");
        page.click("#bureaus a:has-text('鄂托克前旗交通运输局')");
        page.waitForSelector("#notice");
        assertThat(page.textContent("#notice")).contains("鄂托克前旗交通运输局关于开展");
        assertThat(page.textContent("#channels")).contains("12345");
        screenshot("complaint-public-home");
        page.click("#complain");
        page.selectOption("#type", "PROFIT_DRIVEN");
        page.fill("#content", "在G338国道治超站被罚款200元，没有开具票据。");
        page.fill("#occurredOn", "2023-05-12");
        page.fill("#location", "G338国道城川治超站");
        page.fill("#name", "刘群众");
        page.fill("#phone", "13912345678");
        page.check("#consent");
        screenshot("complaint-public-form");
        page.click("#complaint-form button[type=submit]");
        page.waitForSelector("#receipt");
        String receipt = page.textContent("#receipt").trim();
        assertThat(receipt).matches("\\d{4}(-\\d{4}){4}");
        assertThat(page.url()).doesNotContain(receipt.replace("-", "").substring(0, 8));
        assertThat(page.isVisible("#copy-receipt")).isTrue();
        screenshot("complaint-public-receipt");
        // Post/redirect/get: a reload shows no receipt and submits nothing again.
        page.reload();
        page.waitForSelector("#receipt-gone");

        // The work team accepts and assigns it to the first squad.
        context.clearCookies();
        signIn("workteam");
        page.navigate(url("/complaints?status=SUBMITTED"));
        page.click("#inbox tbody tr:first-child a");
        assertThat(page.textContent("#content")).contains("没有开具票据");
        assertThat(page.content()).doesNotContain("刘群众");
        page.click("#accept");
        page.waitForSelector("#assign-form");
        page.selectOption("#assign-unit", new com.microsoft.playwright.options.SelectOption().setLabel("执法大队一中队"));
        page.click("#assign");
        page.waitForSelector("#handling-unit");
        assertThat(page.textContent("#handling-unit")).isEqualTo("执法大队一中队");
        String complaintPath = page.url().substring(page.url().indexOf("/complaints/"));

        // The squad handles it and proposes the answer.
        context.clearCookies();
        signIn("unit");
        page.navigate(url(complaintPath));
        assertThat(page.content()).doesNotContain("刘群众").doesNotContain("13912345678");
        page.fill("#result", "经核查，当班队员现场收取罚款未开票据，已责令退还并批评教育。");
        page.fill("#answer-feedback", "经核查情况属实，已退还200元并对相关人员批评教育。");
        page.click("#answer");
        page.waitForSelector("#status");
        assertThat(page.textContent("#status")).contains("答复审核中");
        screenshot("complaint-staff-answered");

        // The work team reviews and publishes the answer.
        context.clearCookies();
        signIn("workteam");
        page.navigate(url(complaintPath));
        page.click("#approve");
        page.waitForSelector("#feedback");
        assertThat(page.textContent("#status")).contains("已答复");

        // The public looks the case up with the receipt and rates the answer.
        context.clearCookies();
        page.navigate(url("/public/complaints/status"));
        page.fill("#receipt", receipt);
        page.click("#lookup-form button[type=submit]");
        page.waitForSelector("#case");
        assertThat(page.textContent("#case-status")).isEqualTo("已答复");
        assertThat(page.textContent("#case-unit")).isEqualTo("执法大队一中队");
        assertThat(page.textContent("#case-feedback")).contains("已退还200元");
        assertThat(page.textContent("#timeline")).contains("已受理").contains("已交办理单位办理").contains("已答复");
        assertThat(page.content()).doesNotContain("批评教育。\u201d").doesNotContain("当班队员现场收取");
        screenshot("complaint-public-status");
        page.check("#s-SATISFIED");
        page.fill("#comment", "处理及时。");
        page.click("#rating-form button[type=submit]");
        page.waitForSelector("#done");
        assertThat(page.textContent("#case-status")).isEqualTo("已办结");
        assertThat(page.textContent("#case")).contains("满意");
        screenshot("complaint-public-rated");
    }

}

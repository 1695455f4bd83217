package org.duban.complaint;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public portal on a phone (390×844, zh-CN): the list of bureaus, a bureau's page,
 * the complaint form, the receipt with its copy button, and the status look-up with its
 * timeline once the bureau has accepted and assigned the complaint. The screenshots are
 * the README's "On a phone"; run with {@code -Dduban.docs.update=true} to copy the best
 * of them into {@code docs/images/}.
 */
class PublicPhoneBrowserIT extends BrowserTest {

    boolean fitsTheScreen() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    @Test
    void thePublicComplainsAndFollowsTheCaseOnAPhone() {
        page.setViewportSize(390, 844);
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        List<String> errors = watchForErrors();

        page.navigate(url("/public/"));
        assertThat(page.textContent("#bureaus")).contains("鄂托克前旗交通运输局");
        assertThat(fitsTheScreen()).as("no sideways scrolling").isTrue();
        screenshot("phone-public-bureaus");
        page.click("#bureaus a:has-text('鄂托克前旗交通运输局')");
        page.waitForSelector("#notice");
        assertThat(fitsTheScreen()).isTrue();
        documentationShot("phone-public-bureau");

        page.click("#complain");
        page.selectOption("#type", "PROFIT_DRIVEN");
        page.fill("#content", "在三段地治超站被要求缴纳200元“停车费”，未出具任何票据。");
        page.fill("#occurredOn", "2023-06-03");
        page.fill("#location", "三段地治超站");
        page.check("#consent");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("phone-public-form");
        page.click("#complaint-form button[type=submit]");
        page.waitForSelector("#receipt");
        String receipt = page.textContent("#receipt").trim();
        assertThat(receipt).matches("\\d{4}(-\\d{4}){4}");
        page.click("#copy-receipt");
        page.waitForSelector("#copy-receipt:has-text('已复制')");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(receipt);
        assertThat(fitsTheScreen()).isTrue();
        documentationShot("phone-public-receipt");

        // The bureau accepts the complaint and hands it to the first squad.
        context.clearCookies();
        page.setViewportSize(1280, 900);
        signIn("workteam");
        page.navigate(
                url("/complaints?q=" + java.net.URLEncoder.encode("三段地治超站", java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#inbox tbody tr:first-child a");
        page.click("#accept");
        page.waitForSelector("#assign-form");
        page.selectOption("#assign-unit", new com.microsoft.playwright.options.SelectOption().setLabel("执法大队一中队"));
        page.click("#assign");
        page.waitForSelector("#handling-unit");

        // The public looks the case up on the phone.
        context.clearCookies();
        page.setViewportSize(390, 844);
        page.navigate(url("/public/complaints/status"));
        page.fill("#receipt", receipt);
        page.click("#lookup-form button[type=submit]");
        page.waitForSelector("#case");
        assertThat(page.textContent("#timeline")).contains("已受理").contains("已交办理单位办理");
        assertThat(page.textContent("#timeline")).as("no staff names on the public page").doesNotContain("薛照葶");
        assertThat(fitsTheScreen()).isTrue();
        documentationShot("phone-public-status");
        assertThat(errors).isEmpty();
    }

}

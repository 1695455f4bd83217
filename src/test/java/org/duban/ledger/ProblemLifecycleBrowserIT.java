package org.duban.ledger;

import com.microsoft.playwright.options.FilePayload;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main path of the ledger in a browser: register → assign → confirm → rectify with
 * evidence → verify → sign off.
 */
class ProblemLifecycleBrowserIT extends BrowserTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

    String status() {
        return page.getAttribute("#problem-status", "data-status");
    }

    @Test
    void aProblemFromRegistrationToSignOff() {
        signIn("workteam");
        page.navigate(url("/problems"));
        page.click("#register-link");
        page.selectOption("#source", "SURPRISE_INSPECTION");
        page.selectOption("#category", "PROFIT_DRIVEN");
        page.selectOption("#itemCode", "PROFIT_DRIVEN.COLLECTION");
        page.selectOption("#unitId", new com.microsoft.playwright.options.SelectOption().setLabel("执法大队一中队"));
        page.fill("#foundOn", "2023-04-12");
        page.fill("#description", "Fines collected in cash at the weigh station without receipts");
        screenshot("problem-register");
        page.click("#register-form button[type=submit]");
        assertThat(status()).isEqualTo("REGISTERED");
        screenshot("problem-registered");

        page.fill("#assign-days", "10");
        page.click("#assign-form button[type=submit]");
        assertThat(status()).isEqualTo("ASSIGNED");
        page.click("#verify-form button[type=submit]");
        assertThat(status()).isEqualTo("VERIFYING");
        page.click("#confirm-button");
        assertThat(page.textContent("#refusal")).contains("理由");
        page.fill("#decide-reasons", "Three payers confirm cash payments without receipts");
        page.click("#confirm-button");
        assertThat(status()).isEqualTo("CONFIRMED");
        screenshot("problem-confirmed");

        page.fill("#rectify-person", "Li Ming");
        page.fill("#rectify-deadline", LocalDate.now().plusDays(30).toString());
        page.click("#rectify-form button[type=submit]");
        assertThat(status()).isEqualTo("RECTIFYING");
        page.fill("#measure-text", "Collect fines only through the bank; refund the cash");
        page.fill("#measure-owner", "Li Ming");
        page.fill("#measure-deadline", LocalDate.now().plusDays(20).toString());
        page.click("#measure-form button[type=submit]");
        page.setInputFiles("#evidence-file", new FilePayload("bank-receipts.png", "image/png", PNG));
        page.click("#evidence-form button[type=submit]");
        assertThat(page.textContent("#files")).contains("bank-receipts.png");
        page.fill("#rectified-note", "All fines now paid at the bank; 3 refunds made");
        page.click("#rectified-form button[type=submit]");
        assertThat(status()).isEqualTo("RECTIFIED");
        screenshot("problem-rectified");

        page.fill("#check-opinion", "Bank statements checked on site");
        page.click("#check-pass");
        assertThat(status()).isEqualTo("VERIFIED");
        page.click("#signoff-form button[type=submit]");
        assertThat(status()).isEqualTo("SIGNED_OFF");
        assertThat(page.textContent("#timeline")).contains("已核验", "已销号").doesNotContain("SIGNED_OFF");
        screenshot("problem-signed-off");

        page.navigate(url("/rectifications"));
        assertThat(page.textContent("#problems")).contains("已销号");
        screenshot("rectification-ledger");
    }

}

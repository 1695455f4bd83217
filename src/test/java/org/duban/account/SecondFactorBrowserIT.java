package org.duban.account;

import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.organization.StaffForm;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new administrator in a real browser: the password leads to enrolment (QR code, key,
 * first code), the recovery codes are shown once, and the next sign-in asks for the app's
 * code. Strict CSP: no script error on the way.
 */
class SecondFactorBrowserIT extends BrowserTest {

    static final String PASSWORD = "Browser-factor-pass-74";

    @Autowired
    StaffDirectory staff;

    @Autowired
    OrgUnits units;

    @Test
    void aNewAdministratorEnrolsAtFirstSignInAndThenSignsInWithACode() {
        String login = "browser-totp-" + UUID.randomUUID().toString().substring(0, 6);
        staff.create(new StaffForm(units.findByCode("OTOGQ").orElseThrow().id(), "浏览器验证", "", "", "", login, PASSWORD,
                true, Set.of("ADMIN"), null));
        List<String> errors = watchForErrors();

        typePassword(login, PASSWORD);
        page.waitForURL(u -> u.contains("/login/enrol"));
        assertThat(page.locator("#qr svg").count()).isEqualTo(1);
        String secret = page.textContent("#secret").replace(" ", "").trim();
        assertThat(secret).hasSize(32);
        screenshot("second-factor-enrol");

        page.fill("#code", DemoSecondFactor.nextCode(login, secret));
        page.click("button[type=submit]");
        page.waitForSelector("#recovery-codes");
        assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
        screenshot("second-factor-recovery-codes");
        page.click("#continue");
        page.waitForURL(u -> !u.contains("/login") && !u.contains("/account"));

        page.click("#account-link");
        assertThat(page.textContent("#factor-status")).contains("10");
        page.click("nav.navbar button[type=submit]");
        page.waitForURL(u -> u.contains("/login"));

        typePassword(login, PASSWORD);
        page.waitForURL(u -> u.contains("/login/second-factor"));
        page.fill("#code", DemoSecondFactor.nextCode(login, secret));
        page.click("button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));
        assertThat(page.locator("#account-link").textContent()).isEqualTo("浏览器验证");
        assertThat(errors).isEmpty();
    }

}

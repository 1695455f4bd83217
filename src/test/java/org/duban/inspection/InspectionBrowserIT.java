package org.duban.inspection;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionBrowserIT extends BrowserTest {

    @Test
    void aPublishedDrawIsVerifiedByThePublicAndBecomesAnInspectionWhoseFindingGoesToTheLedger() throws Exception {
        signIn("workteam");
        page.navigate(url("/draws"));
        page.click("#new-draw");
        page.fill("#title", "2026年11月执法人员双随机抽查");
        screenshot("draw-form");
        page.click("#draw-form button[type=submit]");
        page.waitForSelector("#snapshot-hash");
        String hash = page.textContent("#snapshot-hash").strip();
        String commitment = page.textContent("#seed-commitment").strip();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertThat(page.textContent("#draw-status")).contains("待抽取");
        assertThat(page.locator("#seed").count()).isZero();
        screenshot("draw-committed");

        // Published before the draw: the hash and the commitment are public while the
        // seed is still secret.
        page.click("#publish-draw button");
        page.waitForSelector("#public-link");
        page.click("#make-draw button");
        page.waitForSelector("#seed");
        String seed = page.textContent("#seed").strip();
        assertThat(DrawAlgorithm.commitment(java.util.HexFormat.of().parseHex(seed))).isEqualTo(commitment);
        assertThat(page.getAttribute("#verification", "class")).contains("alert-success");
        assertThat(page.locator("#picks tbody tr").count()).isEqualTo(3);
        screenshot("draw-made");
        String publicPath = page.getAttribute("#public-link", "href");

        // Anyone, without signing in, sees the draw, downloads the snapshot and has it
        // recomputed.
        BrowserContext anonymous = context.browser()
            .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(1280, 900)
                .setAcceptDownloads(true));
        try {
            Page visitor = anonymous.newPage();
            visitor.navigate(url(publicPath));
            assertThat(visitor.textContent("#snapshot-hash").strip()).isEqualTo(hash);
            assertThat(visitor.textContent("#seed").strip()).isEqualTo(seed);
            Download download = visitor.waitForDownload(() -> visitor.click("#download-snapshot"));
            byte[] csv = Files.readAllBytes(download.path());
            assertThat(Canonical.sha256Hex(csv)).isEqualTo(hash);
            visitor.click("#recompute");
            visitor.waitForSelector("#verification");
            assertThat(visitor.getAttribute("#verification", "class")).contains("alert-success");
            visitor.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("public-draw-verified.png"))
                .setFullPage(true));
            visitor.navigate(url("/public/draws"));
            assertThat(visitor.textContent("body")).contains("2026年11月执法人员双随机抽查");
        }
        finally {
            anonymous.close();
        }

        // The work team plans the random check from the draw, answers the checklist and
        // records a finding.
        page.click("#draw-to-inspection button[type=submit]");
        page.waitForSelector("#checklist-form");
        assertThat(page.locator("#targets li").count()).isEqualTo(3);
        assertThat(page.locator("#inspectors li").count()).isGreaterThanOrEqualTo(2);
        String firstTarget = page.locator("#targets li span").first().textContent().strip();
        page.selectOption("select[name='result.IR-BODY-CAMERA']", "FAIL");
        page.fill("input[name='note.IR-BODY-CAMERA']", "执法记录仪未开启");
        page.selectOption("select[name='result.PD-BANK-PAYMENT']", "PASS");
        page.click("#checklist-form button[type=submit]");
        page.waitForSelector("#inspection-status");
        assertThat(page.textContent("#inspection-status")).contains("检查中");
        page.selectOption("#finding-form select[name=itemCode]", "IR-BODY-CAMERA");
        page.selectOption("#finding-form select[name=category]", "IRREGULAR");
        page.fill("#finding-form input[name=targetLabel]", firstTarget);
        page.fill("#finding-form textarea[name=description]", "查处超限车辆时未开启执法记录仪");
        page.fill("#finding-form textarea[name=evidence]", "现场照片3张，编号 P-0457 至 P-0459");
        page.click("#finding-form button[type=submit]");
        page.waitForSelector(".finding");
        assertThat(page.textContent(".finding")).contains("未开启执法记录仪", "P-0457");
        screenshot("inspection-finding");

        page.click(".register-problem button");
        page.waitForSelector(".problem-link");
        assertThat(page.textContent(".problem-link")).startsWith("DB-");
        screenshot("finding-registered-in-ledger");
    }

}

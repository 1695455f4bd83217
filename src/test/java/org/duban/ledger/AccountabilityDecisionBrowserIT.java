package org.duban.ledger;

import com.microsoft.playwright.Download;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accountability in a browser: the leader decides the work team's proposal at the leading
 * group's meeting, and the special report downloads as a Word document.
 */
class AccountabilityDecisionBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLeaderDecidesAProposalAndDownloadsTheSpecialReport() throws IOException {
        UUID proposal = jdbc.sql("select id from accountability_record where status = 'PROPOSED' limit 1")
            .query(UUID.class)
            .single();
        List<String> errors = watchForErrors();
        signIn("leader");
        page.navigate(url("/accountability/" + proposal));
        page.selectOption("#kind", "CIRCULATED_CRITICISM");
        page.fill("#grounds", "同类问题多次发生，对该中队予以通报批评。");
        page.fill("#meeting", "领导小组2023年第7次会议");
        page.fill("#decidedOn", "2023-09-28");
        page.click("#decision-form button[type=submit]");
        page.waitForSelector(".alert-success");
        assertThat(page.textContent("#decided-kind")).contains("通报批评");
        assertThat(page.locator("#decision-form").count()).isZero();
        screenshot("accountability-decided");

        page.navigate(url("/accountability"));
        Download download = page.waitForDownload(() -> page.click("a[href$='/reports/special/accountability.docx']"));
        byte[] docx = Files.readAllBytes(download.path());
        assertThat(new String(docx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(errors).isEmpty();
    }

}

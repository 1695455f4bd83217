package org.duban.campaign;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignBrowserIT extends BrowserTest {

    @Test
    void aNewUserSignsInAndFindsTheCampaignWithItsPhasesAndLeadingGroup() {
        page.navigate(url("/"));
        assertThat(page.url()).endsWith("/login");
        assertThat(page.textContent("h1")).isEqualTo("督办");
        screenshot("login");

        signIn("leader");
        page.click("a:has-text(\"鄂托克前旗交通运输执法领域突出问题专项整治行动\")");
        page.waitForSelector("#phases");
        assertThat(page.textContent("#phases")).contains("动员部署", "自查自纠", "查纠整改", "总结提升");
        assertThat(page.textContent("[data-group-kind=LEADING_GROUP]")).contains("热希", "组长", "阿荣娜", "副组长");
        // Today (2026) lies in the open-ended consolidation phase, which is marked as
        // current.
        assertThat(page.textContent("tr.phase-current")).contains("总结提升");
        screenshot("campaign");
    }

    @Test
    void theWorkTeamEditsAPhaseAndAnOverlapIsRefusedOnTheForm() {
        signIn("workteam");
        page.click("a:has-text(\"鄂托克前旗交通运输执法领域突出问题专项整治行动\")");
        page.fill("#phases tr[data-phase=MOBILISATION] input[name='endsOn[0]']", "2023-04-10");
        page.click("#phases-form button[type=submit]");
        assertThat(page.textContent("#phases-form .alert-danger")).contains("重叠");
        screenshot("campaign-phase-refused");
    }

}

package org.duban.reporting;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's and the province's dashboards in a browser: the city chooses its campaign
 * and sees its three counties ranked; the province sees its city and the counties, and
 * opens one figure's rows.
 *
 * <p>
 * The screenshots are the README's; run with {@code -Dduban.docs.update=true} to copy
 * them into {@code docs/images/}.
 */
class LevelsDashboardBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    void as(String login) {
        context.clearCookies();
        signIn(login);
    }

    @Test
    void theCityChoosesItsCampaignAndTheProvinceSeesItsCityAndCounties() {
        List<String> errors = watchForErrors();
        UUID cityCampaign = jdbc.sql("""
                select c.id from campaign c join org_unit u on u.id = c.owner_unit_id
                where u.code = 'ORDOS' order by c.starts_on limit 1
                """).query(UUID.class).single();

        as("city");
        page.navigate(url("/dashboard"));
        page.selectOption("#campaign", cityCampaign.toString());
        page.click("#dashboard-selector button[type=submit]");
        page.waitForURL("**/dashboard?campaign=" + cityCampaign + "**");
        page.waitForSelector("#county-figures");
        assertThat(page.textContent("#county-figures")).contains("鄂托克前旗交通运输局", "鄂托克旗交通运输局", "杭锦旗交通运输局", "第1名");
        page.waitForTimeout(500);
        documentationShot("dashboard-city");

        as("province");
        page.navigate(url("/dashboard"));
        page.waitForSelector("#city_bureau-county-figures");
        assertThat(page.textContent("#city_bureau-county-figures")).contains("鄂尔多斯市交通运输局");
        assertThat(page.textContent("#county-figures")).contains("鄂托克前旗交通运输局");
        assertThat(page.textContent("#handdowns-issued")).contains("1");
        page.waitForTimeout(500);
        documentationShot("dashboard-province");
        // Drill-down: a county's figure opens its rows.
        page.click("#county-figures tbody tr:first-child td:first-of-type a");
        page.waitForURL("**/dashboard/list?figure=problemsFound**");
        assertThat(errors).isEmpty();
    }

}

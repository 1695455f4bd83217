package org.duban.ledger;

import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 回头看 in a browser: the work team plans a review round, adds a signed-off problem and
 * records that its rectification held.
 */
class ReviewBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkTeamReviewsASignedOffProblemAndFindsItHeld() {
        String title = "十月回头看 " + UUID.randomUUID().toString().substring(0, 6);
        String problem = jdbc.sql("""
                select p.reference from problem p join org_unit o on o.id = p.unit_id
                where p.status = 'SIGNED_OFF' and o.code like 'OTOGQ%' order by p.reference limit 1
                """).query(String.class).single();
        List<String> errors = watchForErrors();
        signIn("workteam");
        page.navigate(url("/reviews"));
        page.fill("#review-form input[name=title]", title);
        page.fill("#review-form input[name=plannedOn]", "2023-10-20");
        page.click("#review-form button[type=submit]");
        page.waitForURL(u -> u.matches(".*/reviews/[0-9a-f-]{36}.*"));
        assertThat(page.textContent("h1")).contains(title);

        page.fill("#review-add input[name=reference]", problem);
        page.click("#review-add button[type=submit]");
        page.waitForSelector("#review-items a:has-text('" + problem + "')");
        page.selectOption("#review-items select[name=result]", "HELD");
        page.fill("#review-items input[name=note]", "复查台账和现场，整改措施仍在执行");
        page.click("#review-items button[type=submit]");
        page.waitForSelector("#review-items td:has-text('整改成果巩固')");
        assertThat(page.textContent("#review-items")).contains(problem, "复查台账和现场");
        screenshot("review-round");
        assertThat(errors).isEmpty();
    }

}

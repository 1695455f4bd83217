package org.duban.handdown;

import org.duban.security.DubanUser;
import org.duban.support.TodoPages;
import org.duban.support.DubanTest;
import org.duban.support.TestUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.duban.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The city hands a clue down to two of its counties; each county's work team finds it in
 * its to-do list (the third county does not), reports back with evidence; the city
 * returns one report once with its reasons, then accepts it. Who acts on an item is
 * decided by its two bureaus: the city cannot report back, a county cannot accept, a
 * county cannot hand down, and a county never opens another county's item.
 */
@DubanTest
class HandDownFlowTest {

    static final byte[] PDF = "%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    HandDowns handDowns;

    DubanUser as(String login) {
        return (DubanUser) users.loadUserByUsername(login);
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    UUID item(String title, String county) {
        return jdbc.sql("select id from hand_down where title = :t and to_unit_id = :u")
            .param("t", title)
            .param("u", unit(county))
            .query(UUID.class)
            .single();
    }

    String statusOf(UUID id) {
        return jdbc.sql("select status from hand_down where id = :id").param("id", id).query(String.class).single();
    }

    long version(UUID id) {
        return jdbc.sql("select version from hand_down where id = :id").param("id", id).query(Long.class).single();
    }

    int notices(String login, UUID id) {
        return jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = :l and n.link = :link and n.dedup_key like 'event:%'
                """).param("l", login).param("link", "/handdowns/" + id).query(Integer.class).single();
    }

    int badge(String login) throws Exception {
        String html = mvc.perform(get("/todo/badge").with(user(as(login))))
            .andReturn()
            .getResponse()
            .getContentAsString();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("data-count=\"(\\d+)\"").matcher(html);
        assertThat(count.find()).as(html).isTrue();
        return Integer.parseInt(count.group(1));
    }

    MvcResult report(String login, UUID id, String text, byte[] evidence) throws Exception {
        var request = multipart("/handdowns/{id}/report", id).param("version", String.valueOf(version(id)))
            .param("text", text);
        if (evidence != null) {
            request.file(new MockMultipartFile("evidence", "evidence.pdf", "application/pdf", evidence));
        }
        return mvc.perform(request.with(csrf()).with(user(as(login)))).andReturn();
    }

    MvcResult decide(String login, UUID id, String action, String reasons) throws Exception {
        return mvc
            .perform(post("/handdowns/{id}/decision", id).param("version", String.valueOf(version(id)))
                .param("action", action)
                .param("reasons", reasons == null ? "" : reasons)
                .with(csrf())
                .with(user(as(login))))
            .andReturn();
    }

    @Test
    void theCityHandsAClueDownAndReturnsOneReportOnceBeforeAcceptingIt() throws Exception {
        String title = "flow " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(get("/handdowns/new").param("kind", "CASE").with(user(as("city"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("鄂托克旗交通运输局")))
            .andExpect(content().string(containsString("杭锦旗交通运输局")));
        mvc.perform(post("/handdowns").param("kind", "CASE")
            .param("toUnitIds", unit("OTOGQ").toString(), unit("OTOG").toString())
            .param("title", title)
            .param("description", "a clue from the city's hotline")
            .param("workingDays", "5")
            .with(csrf())
            .with(user(as("city")))).andExpect(status().is3xxRedirection());
        UUID front = item(title, "OTOGQ");
        UUID otog = item(title, "OTOG");
        assertThat(jdbc.sql("select due_on > issued_on from hand_down where id = :id")
            .param("id", front)
            .query(Boolean.class)
            .single()).isTrue();

        // The receiving counties see it in their to-do lists and are told once; the third
        // county neither sees nor opens it.
        assertThat(TodoPages.pageShowing(mvc, user(as("workteam")), title)).contains(title);
        assertThat(TodoPages.pageShowing(mvc, user(as("otog-workteam")), title)).contains(title);
        assertThat(TodoPages.pageShowing(mvc, user(as("hangjin-workteam")), title)).doesNotContain(title);
        mvc.perform(get("/handdowns/{id}", otog).with(user(as("workteam")))).andExpect(status().isNotFound());
        mvc.perform(get("/handdowns/{id}", front).with(user(as("hangjin-leader")))).andExpect(status().isNotFound());
        eventually(() -> notices("workteam", front) == 1);
        assertThat(notices("otog-workteam", front)).isZero();

        // Only the county reports back, and only with evidence.
        assertThat(report("city", front, "the city cannot", PDF).getFlashMap().get("refusal"))
            .isEqualTo("handdown.refused.notReceiver");
        assertThat(report("workteam", front, "checked the case file", null).getFlashMap().get("refusal"))
            .isEqualTo("handdown.report.evidenceRequired");
        assertThat(report("workteam", front, "checked", "<html>".getBytes(StandardCharsets.US_ASCII)).getFlashMap()
            .get("refusal")).isEqualTo("handdown.evidence.type");
        int cityBefore = badge("city");
        assertThat(report("workteam", front, "checked the case file", PDF).getFlashMap().get("flash"))
            .isEqualTo("handdown.reported");
        assertThat(statusOf(front)).isEqualTo("REPORTED");
        // The city's list is long (every overdue county item escalated) and cut at 300
        // rows: its badge counts the report waiting on it.
        assertThat(badge("city")).isEqualTo(cityBefore + 1);

        // The county cannot accept its own report; the city returns it once, with
        // reasons.
        assertThat(decide("leader", front, "ACCEPT", null).getResponse().getStatus()).isEqualTo(403);
        assertThat(decide("workteam", front, "ACCEPT", null).getFlashMap().get("refusal"))
            .isEqualTo("handdown.refused.notIssuer");
        assertThat(decide("city", front, "RETURN", " ").getFlashMap().get("refusal"))
            .isEqualTo("handdown.return.reasonsRequired");
        assertThat(
                decide("city", front, "RETURN", "the evidence lacks the penalty decision").getFlashMap().get("flash"))
            .isEqualTo("handdown.decided.RETURN");
        assertThat(statusOf(front)).isEqualTo("RETURNED");
        assertThat(TodoPages.pageShowing(mvc, user(as("workteam")), title)).contains(title).contains("按退回意见重办");

        report("workteam", front, "added the penalty decision", PDF);
        assertThat(decide("city", front, "ACCEPT", null).getFlashMap().get("flash"))
            .isEqualTo("handdown.decided.ACCEPT");
        assertThat(statusOf(front)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select returns from hand_down where id = :id")
            .param("id", front)
            .query(Integer.class)
            .single()).isEqualTo(1);
        assertThat(decide("city", front, "RETURN", "too late").getFlashMap().get("refusal"))
            .isEqualTo("handdown.refused.RETURN");
        mvc.perform(get("/handdowns/{id}", front).with(user(as("workteam"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("the evidence lacks the penalty decision")))
            .andExpect(content().string(containsString("evidence.pdf")));
        mvc.perform(get("/handdowns").with(user(as("city"))))
            .andExpect(status().isOk())
            .andExpect(model().attribute("tallies",
                    org.hamcrest.Matchers.hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(3))));
    }

    @Test
    void aCountyHasNoBureauBelowToHandDownTo() throws Exception {
        long before = jdbc.sql("select count(*) from hand_down").query(Long.class).single();
        mvc.perform(post("/handdowns").param("kind", "TASK")
            .param("toUnitIds", unit("OTOG").toString())
            .param("title", "county to county")
            .param("description", "not allowed")
            .param("deadline", handDowns.today().plusDays(30).toString())
            .with(csrf())
            .with(user(as("workteam"))))
            .andExpect(status().isOk())
            .andExpect(model().attributeHasFieldErrorCode("form", "toUnitIds", "handdown.toUnits.notBelow"));
        assertThat(jdbc.sql("select count(*) from hand_down").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTaskWithoutADeadlineOrWithAnotherBureausCampaignOrTaskIsRefusedBesideTheField() throws Exception {
        UUID countyCampaign = jdbc.sql("select id from campaign where owner_unit_id = :u limit 1")
            .param("u", unit("OTOGQ"))
            .query(UUID.class)
            .single();
        mvc.perform(post("/handdowns").param("kind", "TASK")
            .param("toUnitIds", unit("OTOG").toString())
            .param("title", "no deadline")
            .param("description", "x")
            .param("campaignId", countyCampaign.toString())
            .param("keyTaskId",
                    jdbc.sql("select id from key_task where campaign_id = :c limit 1")
                        .param("c", countyCampaign)
                        .query(UUID.class)
                        .single()
                        .toString())
            .with(csrf())
            .with(user(as("city"))))
            .andExpect(status().isOk())
            .andExpect(model().attributeHasFieldErrorCode("form", "deadline", "handdown.deadline.required"))
            .andExpect(model().attributeHasFieldErrorCode("form", "campaignId", "handdown.campaign.notOwn"))
            .andExpect(model().attributeHasFieldErrorCode("form", "keyTaskId", "handdown.keyTask.notOwn"))
            .andExpect(content().string(containsString("请填写完成时限")));
    }

    @Test
    void aStaleDecisionIsRefusedWithTheNameOfWhoChangedIt() throws Exception {
        String title = "stale " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/handdowns").param("kind", "TASK")
            .param("toUnitIds", unit("HANGJIN").toString())
            .param("title", title)
            .param("description", "x")
            .param("deadline", handDowns.today().plusDays(10).toString())
            .with(csrf())
            .with(user(as("city-workteam")))).andExpect(status().is3xxRedirection());
        UUID id = item(title, "HANGJIN");
        long old = version(id);
        report("hangjin-workteam", id, "done", PDF);
        MvcResult stale = mvc
            .perform(post("/handdowns/{id}/decision", id).param("version", String.valueOf(old))
                .param("action", "ACCEPT")
                .with(csrf())
                .with(user(as("city"))))
            .andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(List.of(statusOf(id))).containsExactly("REPORTED");
    }

    @Test
    void anItemOverdueAtACountyIsEscalatedToTheCityAndItsUrgeReachesTheCountysDesks() throws Exception {
        UUID open = jdbc
            .sql("select id from hand_down where status = 'ISSUED' and to_unit_id = :u and created_by = 'city'")
            .param("u", unit("OTOG"))
            .query(UUID.class)
            .list()
            .get(0);
        String title = jdbc.sql("select title from hand_down where id = :id")
            .param("id", open)
            .query(String.class)
            .single();
        assertThat(TodoPages.pageShowing(mvc, user(as("city")), title)).contains(title).contains("todo-light-red");
        mvc.perform(get("/todo/panel").with(user(as("city"))))
            .andExpect(content().string(containsString("overdue-by-unit")));
        mvc.perform(post("/todo/handdown/{id}/urge", open).param("text", "please report by Friday")
            .with(csrf())
            .with(user(as("city")))).andExpect(flash().attribute("flash", "todo.urge.sent"));
        assertThat(jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = 'otog-workteam' and n.link = :link and n.dedup_key like 'urge:%'
                """).param("link", "/handdowns/" + open).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/todo/handdown/{id}", open).with(user(as("workteam")))).andExpect(status().isNotFound());
    }

    UUID newUnit(UUID parent, String kind) {
        String code = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        return TestUnits.unit(jdbc, parent, code, code, kind);
    }

    String account(UUID unit, String role) {
        String login = "t-" + UUID.randomUUID().toString().substring(0, 8);
        TestUnits.account(jdbc, login, unit, role);
        return login;
    }

    @Test
    void aProvinceHandsDownToItsCitiesLikeACityToItsCounties() throws Exception {
        UUID province = newUnit(null, "PROVINCE_BUREAU");
        UUID city = newUnit(province, "CITY_BUREAU");
        UUID cityOffice = newUnit(city, "OFFICE");
        UUID county = newUnit(city, "COUNTY_BUREAU");
        String provinceLogin = account(province, "SUPERIOR");
        String cityTeam = account(cityOffice, "WORK_TEAM");
        String title = "province " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/handdowns").param("kind", "CASE")
            .param("toUnitIds", county.toString())
            .param("title", title)
            .param("description", "skip a level")
            .param("workingDays", "5")
            .with(csrf())
            .with(user(as(provinceLogin))))
            .andExpect(model().attributeHasFieldErrorCode("form", "toUnitIds", "handdown.toUnits.notBelow"));
        mvc.perform(post("/handdowns").param("kind", "CASE")
            .param("toUnitIds", city.toString())
            .param("title", title)
            .param("description", "from the province")
            .param("workingDays", "5")
            .with(csrf())
            .with(user(as(provinceLogin)))).andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select id from hand_down where title = :t").param("t", title).query(UUID.class).single();
        assertThat(TodoPages.pageShowing(mvc, user(as(cityTeam)), title)).contains(title);
        report(cityTeam, id, "the city handled it", PDF);
        assertThat(decide(provinceLogin, id, "ACCEPT", null).getFlashMap().get("flash"))
            .isEqualTo("handdown.decided.ACCEPT");
        mvc.perform(get("/handdowns/{id}", id).with(user(as("city")))).andExpect(status().isNotFound());
    }

}

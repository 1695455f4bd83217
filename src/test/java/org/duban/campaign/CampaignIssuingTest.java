package org.duban.campaign;

import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The city's campaign issued to its counties: each county's own campaign became the child
 * and inherited the city's phases and key tasks; issuing again copies only what a child
 * lacks; only the city's own bureau issues, and only to the bureaus one level below.
 */
@DubanTest
class CampaignIssuingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    DubanUser as(String login) {
        return (DubanUser) users.loadUserByUsername(login);
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    UUID cityCampaign() {
        return jdbc.sql("select id from campaign where document_number = '鄂交发〔2023〕62号'").query(UUID.class).single();
    }

    UUID child(String county) {
        return jdbc.sql("select id from campaign where parent_id = :p and owner_unit_id = :u")
            .param("p", cityCampaign())
            .param("u", unit(county))
            .query(UUID.class)
            .single();
    }

    int inherited(UUID child) {
        return jdbc.sql("select count(*) from key_task where campaign_id = :c and parent_task_id is not null")
            .param("c", child)
            .query(Integer.class)
            .single();
    }

    int cityTasks() {
        return jdbc.sql("select count(*) from key_task where campaign_id = :c")
            .param("c", cityCampaign())
            .query(Integer.class)
            .single();
    }

    @Test
    void eachCountysOwnCampaignInheritedTheCitysPhasesAndTasks() {
        UUID front = child("OTOGQ");
        assertThat(jdbc.sql("select document_number from campaign where id = :id")
            .param("id", front)
            .query(String.class)
            .single()).as("adopted, not a second campaign").isEqualTo("鄂前交发〔2023〕29号");
        for (String county : new String[] { "OTOGQ", "OTOG", "HANGJIN" }) {
            UUID child = child(county);
            assertThat(inherited(child)).isEqualTo(cityTasks()).isGreaterThan(0);
            assertThat(jdbc
                .sql("""
                        select count(*) from key_task t join key_task p on p.id = t.parent_task_id
                        where t.campaign_id = :c and (t.owner_unit_id <> :u or t.title <> p.title or t.deadline <> p.deadline)
                        """)
                .param("c", child)
                .param("u", unit(county))
                .query(Integer.class)
                .single()).as("each copy is the county's and matches its parent").isZero();
            assertThat(jdbc.sql("select count(*) from campaign_phase where campaign_id = :c")
                .param("c", child)
                .query(Integer.class)
                .single()).isEqualTo(4);
        }
    }

    @Test
    void issuingAgainCopiesOnlyTheTasksAChildLacks() throws Exception {
        UUID city = cityCampaign();
        mvc.perform(get("/campaigns/{id}/issue", city).with(user(as("city-workteam"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("杭锦旗交通运输局")));
        jdbc.sql("""
                insert into key_task (id, campaign_id, title, owner_unit_id, deadline, created_by, created_at)
                values (gen_random_uuid(), :c, :t, :u, date '2023-12-15', 'test', now())
                """)
            .param("c", city)
            .param("t", "issue again " + UUID.randomUUID())
            .param("u", unit("ORDOS-LAW"))
            .update();
        mvc.perform(post("/campaigns/{id}/issue", city)
            .param("unitIds", unit("OTOGQ").toString(), unit("OTOG").toString(), unit("HANGJIN").toString())
            .with(csrf())
            .with(user(as("city")))).andExpect(flash().attribute("flash", "campaign.issue.done"));
        for (String county : new String[] { "OTOGQ", "OTOG", "HANGJIN" }) {
            assertThat(inherited(child(county))).isEqualTo(cityTasks());
        }
        assertThat(jdbc.sql("select count(*) from campaign where parent_id = :p")
            .param("p", city)
            .query(Integer.class)
            .single()).isEqualTo(3);
    }

    @Test
    void onlyTheCitysBureauIssuesAndOnlyToTheBureausOneLevelBelow() throws Exception {
        UUID city = cityCampaign();
        mvc.perform(get("/campaigns/{id}/issue", city).with(user(as("workteam")))).andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/{id}/issue", child("OTOGQ")).param("unitIds", unit("OTOG").toString())
            .with(csrf())
            .with(user(as("workteam")))).andExpect(flash().attribute("refusal", "campaign.issue.notBelow"));
        mvc.perform(post("/campaigns/{id}/issue", city).param("unitIds", unit("OTOGQ-OFFICE").toString())
            .with(csrf())
            .with(user(as("city")))).andExpect(flash().attribute("refusal", "campaign.issue.notBelow"));
        mvc.perform(post("/campaigns/{id}/issue", city).with(csrf()).with(user(as("city"))))
            .andExpect(flash().attribute("refusal", "campaign.issue.noneChosen"));
        assertThat(jdbc.sql("select count(*) from campaign where parent_id = :p")
            .param("p", child("OTOGQ"))
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void aCountySeesTheTasksItInheritedInItsPlan() throws Exception {
        mvc.perform(get("/tasks").with(user(as("otog-workteam"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("组织执法人员对照五类突出问题全面自查")));
    }

}

package org.duban.ledger;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 举一反三 on the problem page (root cause, cluster) and a 回头看 round in which a relapse
 * reopens its problem.
 */
@DubanTest
class ReviewPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID problem(String reference, String status, String item, String officers) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into problem (id, reference, source, category, item_code, unit_id, officers, description, found_on,
                                             status, created_by, created_at)
                        select :id, :ref, 'SELF_INSPECTION', 'IRREGULAR', :item, id, :officers, 'review test', date '2023-05-02',
                               :status, 'test', now()
                        from org_unit where code = 'OTOGQ-SQUAD-2'
                        """)
            .param("id", id)
            .param("ref", reference)
            .param("item", item)
            .param("officers", officers)
            .param("status", status)
            .update();
        return id;
    }

    long version(String table, UUID id) {
        return jdbc.sql("select version from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void aRelapseFoundInAReviewReopensTheProblemAndTheClusterShowsItsNeighbours() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String item = jdbc.sql("select code from problem_item order by code limit 1").query(String.class).single();
        UUID closed = problem("RV-A-" + suffix, "SIGNED_OFF", item, "赵某某（二中队执法队员）");
        UUID neighbour = problem("RV-B-" + suffix, "CONFIRMED", null, "赵某某、钱某");
        UUID open = problem("RV-C-" + suffix, "RECTIFYING", null, null);

        // 举一反三: root cause of the confirmed neighbour; its cluster names the closed
        // problem (same unit, officer)
        mvc.perform(post("/problems/" + neighbour + "/root-cause").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version("problem", neighbour)))
            .param("cause", "SUPERVISION")
            .param("note", "no spot checks")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select root_cause from problem where id = :id")
            .param("id", neighbour)
            .query(String.class)
            .single()).isEqualTo("SUPERVISION");
        String page = mvc.perform(get("/problems/" + neighbour).with(as("workteam")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String cluster = page.substring(page.indexOf("id=\"related\""));
        assertThat(cluster).contains("RV-A-" + suffix, "同一执法人员", "同单位");

        mvc.perform(post("/reviews").with(csrf())
            .with(as("workteam"))
            .param("title", "review " + suffix)
            .param("plannedOn", "2023-10-15")
            .param("unitId",
                    jdbc.sql("select id::text from org_unit where code = 'OTOGQ'").query(String.class).single()))
            .andExpect(status().is3xxRedirection());
        UUID round = jdbc.sql("select id from review_round where title = :t")
            .param("t", "review " + suffix)
            .query(UUID.class)
            .single();
        mvc.perform(post("/reviews/" + round + "/problems").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version("review_round", round)))
            .param("reference", "RV-C-" + suffix))
            .andExpect(model().attributeHasFieldErrorCode("reviewAddition", "reference", "review.add.notClosed"));
        mvc.perform(post("/reviews/" + round + "/problems").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version("review_round", round)))
            .param("reference", "RV-A-" + suffix)).andExpect(flash().attribute("flash", "flash.saved"));
        mvc.perform(post("/reviews/" + round + "/complete").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version("review_round", round)))
            .param("completedOn", "2023-10-20"))
            .andExpect(model().attributeHasFieldErrorCode("reviewCompletion", "completedOn", "review.complete.open"));
        mvc.perform(post("/reviews/" + round + "/problems/" + closed).with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version("review_round", round)))
            .param("result", "RELAPSED")
            .param("note", "the same officer released a truck again"))
            .andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(jdbc.sql("select status || ' ' || reopen_count from problem where id = :id")
            .param("id", closed)
            .query(String.class)
            .single()).isEqualTo("RECTIFYING 1");
        mvc.perform(post("/reviews/" + round + "/complete").with(csrf())
            .with(as("workteam"))
            .param("version", String.valueOf(version("review_round", round)))
            .param("completedOn", "2023-10-20")).andExpect(flash().attribute("flash", "flash.saved"));
        assertThat(mvc.perform(get("/reviews").param("q", "review " + suffix).with(as("leader")))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("review " + suffix);
        mvc.perform(post("/reviews").with(csrf()).with(as("leader")).param("title", "x"))
            .andExpect(status().isForbidden());
        assertThat(open).isNotNull();
    }

    @Test
    void theDemonstrationHasRootCausesAndACompletedReviewOf2023() throws Exception {
        assertThat(
                jdbc.sql("select count(*) from problem where root_cause is not null and found_on < date '2024-01-01'")
                    .query(Integer.class)
                    .single())
            .isGreaterThanOrEqualTo(3);
        assertThat(jdbc
            .sql("""
                    select count(*) from review_round r where r.status = 'COMPLETED' and extract(year from r.completed_on) = 2023
                      and exists (select 1 from review_item i where i.round_id = r.id and i.result = 'HELD')
                    """)
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(1);
        // the root cause's timeline row is dated with the rest of the problem, not on the
        // day of loading
        assertThat(jdbc.sql(
                "select count(*) from problem_change where action = 'rootCause' and at >= current_date - 1 and actor = 'workteam'"
                        + " and problem_id in (select id from problem where reference like 'DB-%')")
            .query(Integer.class)
            .single()).isZero();
        mvc.perform(get("/reviews").with(as("auditor"))).andExpect(status().isOk());
    }

}

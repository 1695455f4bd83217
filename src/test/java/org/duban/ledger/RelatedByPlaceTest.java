package org.duban.ledger;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 举一反三 by place: a problem found at a place joins the cluster of the other problems found
 * there, whatever their unit or item; a problem without a place relates to none by place.
 */
@DubanTest
class RelatedByPlaceTest {

    static final String CHENGCHUAN = "城川镇";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aProblemAtAPlaceIsRelatedToTheOthersFoundThereInAnyUnit() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID id = register("place " + suffix, "  " + CHENGCHUAN + " ");
        assertThat(jdbc.sql("select location from problem where id = :id").param("id", id).query(String.class).single())
            .isEqualTo(CHENGCHUAN);

        String page = show(id);
        assertThat(page).contains("id=\"problem-location\"");
        String cluster = page.substring(page.indexOf("id=\"related\""));
        cluster = cluster.substring(0, cluster.indexOf("</table>"));
        var there = jdbc.sql("select reference from problem where location = :place and id <> :id")
            .param("place", CHENGCHUAN)
            .param("id", id)
            .query(String.class)
            .list();
        // The demonstration has three, in three units (two squads and the brigade).
        assertThat(there).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cluster).contains(there).contains("同一地点");
    }

    @Test
    void withoutAPlaceNothingIsRelatedByPlace() throws Exception {
        UUID id = register("no place " + UUID.randomUUID().toString().substring(0, 8), "");
        String page = show(id);
        assertThat(page).doesNotContain("id=\"problem-location\"").doesNotContain("同一地点");
        String elsewhere = jdbc.sql("select reference from problem where location = :place order by reference limit 1")
            .param("place", CHENGCHUAN)
            .query(String.class)
            .single();
        assertThat(page).doesNotContain(elsewhere);
    }

    private UUID register(String description, String location) throws Exception {
        mvc.perform(post("/problems").with(csrf())
            .with(user(users.loadUserByUsername("workteam")))
            .param("source", "SELF_INSPECTION")
            .param("category", "ROUGH")
            .param("itemCode", "ROUGH.PUNISH_FIRST")
            .param("unitId",
                    jdbc.sql("select id::text from org_unit where code = 'OTOGQ-QUALITY'").query(String.class).single())
            .param("description", description)
            .param("location", location)
            .param("foundOn", "2023-09-20")).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from problem where description = :d")
            .param("d", description)
            .query(UUID.class)
            .single();
    }

    private String show(UUID id) throws Exception {
        return mvc.perform(get("/problems/" + id).with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}

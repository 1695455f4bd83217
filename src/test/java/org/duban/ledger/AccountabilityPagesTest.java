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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Accountability records: linked to a problem, exemption needs grounds, confidential to need-to-know roles. */
@DubanTest
class AccountabilityPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    @Test
    void aRecordIsLinkedToAProblemAndSeenOnlyByNeedToKnowRoles() throws Exception {
        UUID unit = jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-2'").query(UUID.class).single();
        String reference = "ACC-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into problem (id, reference, source, category, unit_id, description, found_on, status,
                                     created_by, created_at)
                values (gen_random_uuid(), :ref, 'COMPLAINT', 'RENT_SEEKING', :unit, 'x', date '2023-05-01',
                        'SIGNED_OFF', 'test', now())
                """).param("ref", reference).param("unit", unit).update();

        mvc.perform(post("/accountability").with(csrf()).with(as("workteam"))
                        .param("problemReference", reference).param("person", "Wang Wu").param("unitId", unit.toString())
                        .param("kind", "FAULT_TOLERANCE_EXEMPTION").param("decidedOn", "2023-09-01")
                        .param("decidingBody", "leading group"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("容错免责须写明理由")));
        mvc.perform(post("/accountability").with(csrf()).with(as("workteam"))
                        .param("problemReference", reference).param("person", "Wang Wu").param("unitId", unit.toString())
                        .param("kind", "ADMONITION").param("grounds", "released a truck without a penalty decision")
                        .param("decidedOn", "2023-09-01").param("decidingBody", "leading group"))
                .andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select a.id from accountability_record a join problem p on p.id = a.problem_id "
                + "where p.reference = :r").param("r", reference).query(UUID.class).single();

        mvc.perform(get("/accountability/" + id).with(as("auditor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Wang Wu"))).andExpect(content().string(containsString("诫勉")));
        mvc.perform(get("/accountability").with(as("leader"))).andExpect(content().string(containsString(reference)));
        mvc.perform(get("/accountability/" + id).with(as("unit"))).andExpect(status().isForbidden());
        mvc.perform(get("/accountability/export").with(as("workteam"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_log where object_id = :id").param("id", id.toString())
                .query(Integer.class).single()).isEqualTo(1);
    }
}

package org.duban.complaint;

import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hotline clients: keys issued by the administrator and stored hashed, complaints with a
 * work order number go to the key's bureau, a wrong or revoked key is refused, and
 * answering queues a signed callback once.
 */
@DubanTest
class HotlineClientTest {

    @Autowired
    HotlineClients hotlines;

    @Autowired
    Complaints complaints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits units;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    DubanUser as(String login) {
        DubanUser u = (DubanUser) users.loadUserByUsername(login);
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        return u;
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    @Test
    void aHotlineSubmitsWithItsKeyAndHearsBackSignedWhenTheComplaintIsAnswered() throws Exception {
        as("admin");
        HotlineClients.Issued issued = hotlines.create("12345 test", unit("OTOGQ"), "https://hotline.example.org/cb");
        SecurityContextHolder.clearContext();
        assertThat(jdbc.sql("select count(*) from hotline_client where key_hash = :k or key_prefix = :k")
            .param("k", issued.apiKey())
            .query(Integer.class)
            .single()).as("the key is not stored").isZero();

        String order = "WO-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/complaints").header("X-Api-Key", issued.apiKey())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"ROUGH\",\"content\":\"hotline forwarded\",\"work_order_no\":\"" + order + "\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.work_order_no").value(order));
        Map<String, Object> row = jdbc
            .sql("select id, owner_unit_id, hotline_client_id, channel from complaint where work_order_no = :w")
            .param("w", order)
            .query()
            .singleRow();
        assertThat(row).containsEntry("owner_unit_id", unit("OTOGQ"))
            .containsEntry("hotline_client_id", issued.client().id())
            .containsEntry("channel", "API");
        UUID id = (UUID) row.get("id");

        // The work team accepts, assigns; the squad answers; the work team publishes the
        // answer.
        DubanUser wt = as("workteam");
        complaints.accept(id, 0, units.scopeOf(wt));
        complaints.assign(id, 1, unit("OTOGQ-SQUAD-1"), units.scopeOf(wt));
        DubanUser squad = as("unit");
        complaints.answer(id, 2, "handled", "we apologised", units.scopeOf(squad));
        as("workteam");
        complaints.reviewFeedback(id, 3, true, "we apologised and retrained the officer", units.scopeOf(wt));

        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> callback = null;
        while (callback == null && System.nanoTime() < end) {
            callback = jdbc.sql("select * from notification_outbox where channel = 'CALLBACK' and payload like :w")
                .param("w", "%" + order + "%")
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
            Thread.sleep(50);
        }
        assertThat(callback).isNotNull();
        String body = (String) callback.get("payload");
        assertThat(body).contains("\"event\":\"answered\"", "retrained the officer");
        assertThat(callback.get("address")).isEqualTo("https://hotline.example.org/cb");
        assertThat(callback.get("signature")).isEqualTo(HotlineClients.sign(issued.signingSecret(), body));
    }

    @Test
    void aWrongOrRevokedKeyIsRefusedAndAWorkOrderNeedsAKey() throws Exception {
        as("admin");
        HotlineClients.Issued issued = hotlines.create("12328 test", unit("OTOGQ"), null);
        hotlines.revoke(issued.client().id(), issued.client().version());
        SecurityContextHolder.clearContext();
        String body = "{\"type\":\"ROUGH\",\"content\":\"x\"}";
        mvc.perform(post("/api/v1/complaints").header("X-Api-Key", issued.apiKey())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/complaints").header("X-Api-Key", "dbk_guess")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"ROUGH\",\"content\":\"x\",\"work_order_no\":\"A1\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("work_order_no"));
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"ROUGH\",\"content\":\"x\",\"bureau\":\"OTOGQ\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"ROUGH\",\"content\":\"x\",\"phone\":\"0477-1234567\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message").value(containsString("13800000000")));
    }

}

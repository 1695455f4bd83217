package org.duban.organization;

import jakarta.servlet.http.Cookie;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Not transactional: the session lives in the database and must really be gone for the
 * next request.
 */
@DubanTest
class DisablingEndsSessionsTest {

    static final String PASSWORD = "Session-test-pass-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory staff;

    @Autowired
    OrgUnits units;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void disablingAnAccountEndsItsOpenSession() throws Exception {
        String login = "session-" + UUID.randomUUID().toString().substring(0, 8);
        UUID squad = units.findByCode("OTOGQ-SQUAD-2").orElseThrow().id();
        UUID id = staff
            .create(new StaffForm(squad, "会话测试", "", "", "", login, PASSWORD, true, Set.of("UNIT_STAFF"), null));

        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", PASSWORD))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/campaigns").cookie(session)).andExpect(status().isOk());
        assertThat(sessionsOf(login)).isEqualTo(1);

        Staff before = staff.find(id).orElseThrow();
        mvc.perform(post("/admin/staff/" + id).with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("unitId", squad.toString())
            .param("name", before.name())
            .param("login", login)
            // An unchecked box is not sent; the browser sends Spring's field marker
            // instead.
            .param("_enabled", "on")
            .param("roles", "UNIT_STAFF")
            .param("version", String.valueOf(before.version()))).andExpect(redirectedUrl("/admin/staff"));

        assertThat(staff.find(id).orElseThrow().enabled()).isFalse();
        assertThat(sessionsOf(login)).isZero();
        mvc.perform(get("/campaigns").cookie(session)).andExpect(redirectedUrl("/login"));
        // And the account cannot sign in again.
        mvc.perform(post("/login").with(csrf()).param("username", login).param("password", PASSWORD))
            .andExpect(redirectedUrl("/login?error"));
    }

    private long sessionsOf(String login) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :login")
            .param("login", login)
            .query(Long.class)
            .single();
    }

}

package org.duban.security;

import jakarta.servlet.http.Cookie;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signed-in session follows its account's rights as they change, not as they were at
 * sign-in: a removed role, a permission taken from a role and a new password act on the
 * open session at once; and a session ends after its absolute lifetime however active it
 * is. Not transactional: sessions live in the database.
 */
@DubanTest
class LiveSessionsFollowRightsTest {

    static final String PASSWORD = "Live-session-pass-47";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void removingARoleTakesItsRightsFromTheOpenSessionWhichStaysSignedIn() throws Exception {
        String login = account("WORK_TEAM", "UNIT_STAFF");
        Cookie session = signIn(login);
        mvc.perform(get("/inspections/new").cookie(session)).andExpect(status().isOk());

        editAccount(login, List.of("UNIT_STAFF"), null);

        mvc.perform(get("/inspections/new").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/campaigns").cookie(session).with(csrf()).param("title", "x"))
            .andExpect(status().isForbidden());
        mvc.perform(get("/problems").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void aPermissionTakenFromARoleLeavesItsHoldersOpenSessionsAtOnce() throws Exception {
        String login = account("WORK_TEAM");
        Cookie session = signIn(login);
        mvc.perform(get("/inspections/new").cookie(session)).andExpect(status().isOk());
        List<String> before = jdbc.sql("select permission from role_permission where role_code = 'WORK_TEAM'")
            .query(String.class)
            .list();
        try {
            editRole(before.stream().filter(p -> !p.equals("inspection:inspection:write")).toList());
            mvc.perform(get("/inspections/new").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/inspections").cookie(session)).andExpect(status().isOk());
        }
        finally {
            editRole(before);
        }
        mvc.perform(get("/inspections/new").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void beingMadeAnAdministratorEndsTheOpenSessionSoThatTheNextSignInEnrolsASecondFactor() throws Exception {
        String login = account("WORK_TEAM");
        Cookie session = signIn(login);
        mvc.perform(get("/problems").cookie(session)).andExpect(status().isOk());

        editAccount(login, List.of("WORK_TEAM", "ADMIN"), null);

        mvc.perform(get("/admin/staff").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(sessionsOf(login)).isZero();
    }

    @Test
    void aNewPasswordEndsTheAccountsOpenSessions() throws Exception {
        String login = account("WORK_TEAM");
        Cookie session = signIn(login);
        mvc.perform(get("/problems").cookie(session)).andExpect(status().isOk());

        editAccount(login, List.of("WORK_TEAM"), "Another-new-pass-58");

        mvc.perform(get("/problems").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(sessionsOf(login)).isZero();
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
        String login = account("WORK_TEAM");
        Cookie session = signIn(login);
        mvc.perform(get("/problems").cookie(session)).andExpect(status().isOk());
        long thirteenHoursAgo = System.currentTimeMillis() - 13 * 3_600_000L;
        // Active a minute ago, created 13 hours ago: the idle timeout alone would keep
        // it.
        jdbc.sql("update spring_session set creation_time = :t where principal_name = :login")
            .param("t", thirteenHoursAgo)
            .param("login", login)
            .update();

        mvc.perform(get("/problems").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    private String account(String... roles) throws Exception {
        String login = "live-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = jdbc.sql("select id from org_unit where code = 'OTOGQ'").query(UUID.class).single();
        MockHttpServletRequestBuilder create = post("/admin/staff").with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("unitId", unit.toString())
            .param("name", "live session")
            .param("login", login)
            .param("password", PASSWORD)
            .param("enabled", "true");
        for (String role : roles) {
            create.param("roles", role);
        }
        mvc.perform(create).andExpect(redirectedUrl("/admin/staff"));
        return login;
    }

    private void editAccount(String login, List<String> roles, String password) throws Exception {
        var row = jdbc.sql("select id, unit_id, version from staff where login = :l")
            .param("l", login)
            .query()
            .singleRow();
        MockHttpServletRequestBuilder edit = post("/admin/staff/" + row.get("id")).with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("unitId", row.get("unit_id").toString())
            .param("name", "live session")
            .param("login", login)
            .param("enabled", "true")
            .param("version", row.get("version").toString());
        if (password != null) {
            edit.param("password", password);
        }
        for (String role : roles) {
            edit.param("roles", role);
        }
        mvc.perform(edit).andExpect(redirectedUrl("/admin/staff"));
    }

    private void editRole(List<String> permissions) throws Exception {
        var row = jdbc.sql("select scope, version from role where code = 'WORK_TEAM'").query().singleRow();
        MockHttpServletRequestBuilder edit = post("/admin/roles/WORK_TEAM").with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("scope", row.get("scope").toString())
            .param("version", row.get("version").toString());
        for (String permission : permissions) {
            edit.param("permissions", permission);
        }
        mvc.perform(edit).andExpect(status().is3xxRedirection());
    }

    private Cookie signIn(String login) throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", PASSWORD))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private long sessionsOf(String login) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :login")
            .param("login", login)
            .query(Long.class)
            .single();
    }

}

package org.duban.security;

import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
class LoginAndSessionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoginPageSpeaksChineseByDefault() throws Exception {
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("登录")));
    }

    @Test
    void englishIsAvailable() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("User name")));
    }

    @Test
    void aDemoAccountSignsInAndTheSessionIdChanges() throws Exception {
        // Sessions live in the database (Spring Session JDBC) and travel in the SESSION
        // cookie.
        jakarta.servlet.http.Cookie before = mvc.perform(get("/campaigns"))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
        assertThat(before).isNotNull();
        MvcResult result = mvc.perform(
                post("/login").cookie(before).with(csrf()).param("username", "leader").param("password", "duban-demo"))
            .andExpect(status().isFound())
            .andReturn();
        jakarta.servlet.http.Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        mvc.perform(get("/campaigns").cookie(after)).andExpect(status().isOk());
        // Idle timeout: the session expires after 30 minutes without a request.
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'leader'")
            .query(Integer.class)
            .list()).contains(1800);
        mvc.perform(post("/logout").cookie(after).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/campaigns").cookie(after)).andExpect(status().isFound());
    }

    @Test
    void aFragmentThatTheMenuPollsIsNoPageToReturnToAfterSigningIn() throws Exception {
        // The to-do badge polls /todo/badge; after the session ended, that request must
        // not become the page the next sign-in lands on (a bare fragment without menu).
        jakarta.servlet.http.Cookie session = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/todo/badge").cookie(session).header("HX-Request", "true")).andExpect(status().isFound());
        mvc.perform(
                post("/login").cookie(session).with(csrf()).param("username", "leader").param("password", "duban-demo"))
            .andExpect(redirectedUrl("/"));
        // A page asked for without a session is still where signing in leads.
        jakarta.servlet.http.Cookie page = mvc.perform(get("/campaigns"))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
        mvc.perform(
                post("/login").cookie(page).with(csrf()).param("username", "leader").param("password", "duban-demo"))
            .andExpect(redirectedUrl("/campaigns?continue"));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        String unknown = mvc
            .perform(post("/login").with(csrf()).param("username", "nobody-here").param("password", "whatever-123"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        String wrong = mvc
            .perform(post("/login").with(csrf()).param("username", "auditor").param("password", "wrong-password-1"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        assertThat(unknown).isEqualTo(wrong).isEqualTo("/login?error");
    }

    @Test
    void repeatedFailuresForOneAccountAreRefusedWith429() throws Exception {
        String login = "city";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", login).param("password", "bad-password-" + i))
                .andExpect(status().isFound());
        }
        // Even the right password is refused while the account is over its limit.
        mvc.perform(post("/login").with(csrf()).param("username", login).param("password", "duban-demo"))
            .andExpect(status().isTooManyRequests())
            .andExpect(
                    org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/login/throttled"));
        mvc.perform(get("/login/throttled"))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("登录失败次数过多")));
        jdbc.sql("delete from login_failure where login = :login").param("login", login).update();
    }

    @Test
    void aStateChangeWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "leader").param("password", "duban-demo"))
            .andExpect(status().isForbidden());
    }

    @Test
    @WithWorkTeamMember
    void aSignedInStateChangeWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/campaigns").param("title", "x")).andExpect(status().isForbidden());
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
            .andExpect(header().string("Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
            .andExpect(header().string("Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("default-src 'self'")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Referrer-Policy", "same-origin"))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
    }

    @Test
    @WithWorkTeamMember
    void pagesCarryTheCsrfTokenForHtmx() throws Exception {
        mvc.perform(get("/"))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("<meta name=\"_csrf\"")))
            .andExpect(content()
                .string(org.hamcrest.Matchers.containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")));
    }

}

package org.duban.security;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failing someone's login five times from one address locks that address out of it, not
 * its owner elsewhere.
 */
@DubanTest
class LockoutPerAccountAndAddressTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAttackerElsewhereCannotLockTheOwnerOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf())
                .with(from("192.0.2.66"))
                .param("username", "auditor")
                .param("password", "guess-number-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf())
            .with(from("192.0.2.66"))
            .param("username", "auditor")
            .param("password", "duban-demo")).andExpect(status().isTooManyRequests());
        mvc.perform(post("/login").with(csrf())
            .with(from("192.0.2.10"))
            .param("username", "auditor")
            .param("password", "duban-demo")).andExpect(redirectedUrl("/"));
    }

    @AfterEach
    void forget() {
        jdbc.sql("delete from login_failure where login = 'auditor'").update();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

}

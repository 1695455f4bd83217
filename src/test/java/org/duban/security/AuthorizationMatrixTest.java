package org.duban.security;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The authorization matrix: role × route × method → expected outcome, asserted cell by
 * cell. Each module adds its rows in {@code src/test/resources/authz/<module>.csv}.
 * Columns: method, path, then one expectation per role: {@code login} (anonymous sent to
 * the login page), {@code allow} (neither 401/403 nor a login redirect), or an exact
 * status such as {@code 403} or {@code 404}. Paths may name demonstration objects as
 * {@code {campaign}}, {@code {otherCampaign}}, {@code {staff}}, {@code {unit}} or
 * {@code {random}}.
 */
@DubanTest
class AuthorizationMatrixTest {

    static final String[] ROLES = { "anonymous", "admin", "leader", "workteam", "unit", "auditor", "city" };

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    List<DynamicTest> matrix() throws IOException {
        Map<String, String> ids = demoIds();
        List<DynamicTest> tests = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:authz/*.csv");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            String[] lines = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                    continue;
                }
                String[] cells = line.trim().split(",");
                assertThat(cells).as(file.getFilename() + ": " + line).hasSize(2 + ROLES.length);
                String method = cells[0];
                String path = resolve(cells[1], ids);
                for (int i = 0; i < ROLES.length; i++) {
                    String role = ROLES[i];
                    String expected = cells[2 + i];
                    tests.add(DynamicTest.dynamicTest(
                            file.getFilename() + " " + role + " " + method + " " + cells[1] + " -> " + expected,
                            () -> check(role, method, path, expected)));
                }
            }
        }
        return tests;
    }

    private void check(String role, String method, String path, String expected) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(csrf());
        if (!role.equals("anonymous")) {
            request = request.with(user(users.loadUserByUsername(role)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String where = role + " " + method + " " + path;
        switch (expected) {
            case "login" -> {
                assertThat(status).as(where).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).as(where).endsWith("/login");
            }
            case "allow" -> {
                assertThat(status).as(where).isNotIn(401, 403);
                if (status == 302) {
                    assertThat(response.getRedirectedUrl()).as(where).doesNotEndWith("/login");
                }
            }
            default -> assertThat(status).as(where).isEqualTo(Integer.parseInt(expected));
        }
    }

    private Map<String, String> demoIds() {
        Map<String, String> ids = new HashMap<>();
        // The founding county's campaign (the city's own campaign is not the county work
        // team's to edit).
        ids.put("campaign", jdbc.sql("""
                select c.id::text from campaign c join org_unit o on o.id = c.owner_unit_id where o.code = 'OTOGQ'
                order by c.starts_on limit 1
                """).query(String.class).single());
        ids.put("staff", jdbc.sql("select id::text from staff where login = 'unit'").query(String.class).single());
        ids.put("unit",
                jdbc.sql("select id::text from org_unit where code = 'OTOGQ-SQUAD-1'").query(String.class).single());
        ids.put("otherUnit",
                jdbc.sql("select id::text from org_unit where code = 'OTOG-SQUAD-1'").query(String.class).single());
        ids.put("random", UUID.randomUUID().toString());
        return ids;
    }

    private static String resolve(String path, Map<String, String> ids) {
        String result = path;
        for (var e : ids.entrySet()) {
            result = result.replace("{" + e.getKey() + "}", e.getValue());
        }
        return result;
    }

}

package org.duban.organization;

import org.duban.support.DubanTest;
import org.duban.support.WithAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Permissions are shown by what they let a person do, on the role pages and in the
 * operation log; the code stays in the title for whoever needs it.
 */
@DubanTest
class RoleLabelsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    Roles roles;

    @Autowired
    UserDetailsService users;

    static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ");
    }

    @Test
    void everyPermissionAndModuleHasALabelInEachLanguage() {
        List<Map<String, Object>> permissions = jdbc.sql("select code, module from permission").query().listOfRows();
        assertThat(permissions).hasSizeGreaterThan(50);
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> p : permissions) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                for (String key : List.of("permission." + p.get("code"), "permission.module." + p.get("module"))) {
                    if (messages.getMessage(key, null, null, locale) == null) {
                        missing.add(locale + " " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @WithAdmin
    void theRolePagesNameEveryPermissionInWords() throws Exception {
        String list = mvc.perform(get("/admin/roles"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        String edit = mvc.perform(get("/admin/roles/WORK_TEAM/edit"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("title=\"ledger:problem:verify\">核验整改情况</label>").contains(">台账</legend>");
        for (String page : List.of(list, edit)) {
            assertThat(visible(page)).as("no permission or module code among the words")
                .doesNotContainPattern("\\b[a-z]+:[a-z]+:[a-z]+\\b")
                .doesNotContain("WORK_TEAM");
        }
    }

    @Test
    @WithAdmin
    void aChangeOfPermissionsIsLoggedInWords() throws Exception {
        // A read-only permission taken away and given back, so the role is as it was.
        Role before = roles.get("AUDITOR");
        String toggled = before.permissions().contains("training:session:read") ? "training:session:read"
                : before.permissions().iterator().next();
        List<String> without = new ArrayList<>(before.permissions());
        without.remove(toggled);
        save("AUDITOR", before, without);
        save("AUDITOR", roles.get("AUDITOR"), new ArrayList<>(before.permissions()));
        assertThat(roles.get("AUDITOR").permissions()).isEqualTo(before.permissions());

        String log = mvc
            .perform(get("/audit").param("objectType", "role")
                .param("objectId", "AUDITOR")
                .param("action", "organization.role.updated")
                .with(user(users.loadUserByUsername("auditor"))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        String label = messages.getMessage("permission." + toggled, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(visible(log)).contains(label).doesNotContainPattern("\\b[a-z]+:[a-z]+:[a-z]+\\b");
    }

    void save(String code, Role role, List<String> permissions) throws Exception {
        mvc.perform(post("/admin/roles/" + code).with(csrf())
            .param("scope", role.scope().name())
            .param("permissions", permissions.toArray(String[]::new))
            .param("version", String.valueOf(role.version()))).andExpect(redirectedUrl("/admin/roles"));
    }

}

package org.duban.account;

import jakarta.servlet.http.Cookie;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.organization.StaffForm;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in with a second factor, through the real filter chain and the session store:
 * each test uses accounts of its own, so the demonstration administrator's codes are left
 * alone. Not transactional: sessions and lockout counts must really be written.
 */
@DubanTest
class SecondFactorLoginTest {

    static final String PASSWORD = "Second-factor-pass-58";

    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7 ]+)</code>");

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

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
    void anAdministratorWithoutAFactorMustEnrolBeforeAnythingElse() throws Exception {
        String login = account("ADMIN");
        Cookie pending = password(login, "/login/enrol");

        // The password alone grants no route, not even the account page.
        for (String page : List.of("/", "/campaigns", "/admin/staff", "/account")) {
            mvc.perform(get(page).cookie(pending)).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login/second-factor").cookie(pending)).andExpect(redirectedUrl("/login/enrol"));

        String page = mvc.perform(get("/login/enrol").cookie(pending))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("otpauth://totp/Duban:" + login + "?secret=").contains("<svg");
        String secret = find(SECRET, page).replace(" ", "");
        assertThat(secret).hasSize(32);
        // Stored sealed: the secret's bytes appear nowhere in the row.
        byte[] sealed = sealedSecretOf(login);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain(new String(Base32.decode(secret), java.nio.charset.StandardCharsets.ISO_8859_1));

        String wrong = mvc
            .perform(post("/login/enrol").cookie(pending)
                .with(csrf())
                .param("code", DemoSecondFactor.wrongCode(secret))
                .param("version", find(VERSION, page)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(wrong).contains("is-invalid").doesNotContain("recovery-codes");

        MvcResult done = mvc
            .perform(post("/login/enrol").cookie(pending)
                .with(csrf())
                .param("code", DemoSecondFactor.nextCode(login, secret))
                .param("version", find(VERSION, page)))
            .andExpect(status().isOk())
            .andReturn();
        assertThat(all(RECOVERY, done.getResponse().getContentAsString())).hasSize(10);
        Cookie signedIn = cookieOf(done, pending);
        assertThat(signedIn.getValue()).as("a new session id once signed in").isNotEqualTo(pending.getValue());
        mvc.perform(get("/campaigns").cookie(signedIn)).andExpect(status().isOk());
        assertThat(
                jdbc.sql("select count(*) from recovery_code where staff_id = (select id from staff where login = :l)")
                    .param("l", login)
                    .query(Integer.class)
                    .single())
            .isEqualTo(10);
    }

    @Test
    void anEnrolledAccountNeedsARightCodeAndEachCodeOnlyOnce() throws Exception {
        String login = account("UNIT_STAFF");
        Enrolled enrolled = enrolOnTheAccountPage(login);

        Cookie pending = password(login, "/login/second-factor");
        mvc.perform(get("/campaigns").cookie(pending)).andExpect(redirectedUrl("/login"));

        int failuresBefore = failuresOf(login);
        String wrong = code(pending, DemoSecondFactor.wrongCode(enrolled.secret())).andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(wrong).contains("is-invalid");
        assertThat(failuresOf(login)).as("a wrong code counts as a failed sign-in").isEqualTo(failuresBefore + 1);

        String right = DemoSecondFactor.nextCode(login, enrolled.secret());
        // Back to the page asked for while the second step was pending.
        MvcResult done = code(pending, right).andExpect(redirectedUrl("/campaigns?continue")).andReturn();
        mvc.perform(get("/campaigns").cookie(cookieOf(done, pending))).andExpect(status().isOk());

        // The same code again, after the password again: refused as a replay.
        Cookie again = password(login, "/login/second-factor");
        String replayed = code(again, right).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(replayed).contains("is-invalid");
        mvc.perform(get("/campaigns").cookie(again)).andExpect(redirectedUrl("/login"));
        code(again, DemoSecondFactor.nextCode(login, enrolled.secret()))
            .andExpect(redirectedUrl("/campaigns?continue"));
    }

    @Test
    void aRecoveryCodeSignsInOnceAndTellsHowManyRemain() throws Exception {
        String login = account("UNIT_STAFF");
        Enrolled enrolled = enrolOnTheAccountPage(login);
        String recovery = enrolled.recoveryCodes().get(3).toUpperCase();

        code(password(login, "/login/second-factor"), recovery).andExpect(redirectedUrl("/"))
            .andExpect(flash().attribute("flash", "account.recovery.used"))
            .andExpect(flash().attribute("flashArgs", new Object[] { 9 }));
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'account.recoveryCode.used' and actor = :l
                """).param("l", login).query(Integer.class).single()).isEqualTo(1);

        code(password(login, "/login/second-factor"), recovery).andExpect(status().isOk());
    }

    @Test
    void wrongCodesCountTowardsTheLockoutOfAccountAndAddress() throws Exception {
        String login = account("UNIT_STAFF");
        Enrolled enrolled = enrolOnTheAccountPage(login);
        Cookie pending = password(login, "/login/second-factor");
        for (int i = 0; i < 5; i++) {
            code(pending, DemoSecondFactor.wrongCode(enrolled.secret())).andExpect(status().isOk());
        }
        // Even the right code is refused now, and so is the password.
        code(pending, DemoSecondFactor.nextCode(login, enrolled.secret())).andExpect(status().isTooManyRequests());
        mvc.perform(post("/login").with(csrf()).param("username", login).param("password", PASSWORD))
            .andExpect(status().isTooManyRequests());
    }

    @Test
    void anAdministratorResetsAnotherAccountsFactorAndItsSessionsEnd() throws Exception {
        String login = account("UNIT_STAFF");
        Enrolled enrolled = enrolOnTheAccountPage(login);
        Cookie pending = password(login, "/login/second-factor");
        MvcResult done = code(pending, DemoSecondFactor.nextCode(login, enrolled.secret())).andReturn();
        Cookie session = cookieOf(done, pending);
        mvc.perform(get("/campaigns").cookie(session)).andExpect(status().isOk());
        UUID id = staff.findByLogin(login).orElseThrow().id();

        // A stale version is refused; the page's version resets.
        mvc.perform(post("/admin/staff/" + id + "/second-factor/reset").with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("version", "999"))
            .andExpect(redirectedUrl("/admin/staff/" + id + "/edit"))
            .andExpect(flash().attribute("refusal", "account.secondFactor.changed"));
        mvc.perform(post("/admin/staff/" + id + "/second-factor/reset").with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("version", String.valueOf(versionOf(login))))
            .andExpect(redirectedUrl("/admin/staff/" + id + "/edit"))
            .andExpect(flash().attribute("flash", "account.secondFactor.wasReset"));

        mvc.perform(get("/campaigns").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("select count(*) from second_factor where staff_id = :id")
            .param("id", id)
            .query(Integer.class)
            .single()).isZero();
        assertThat(jdbc
            .sql("select count(*) from audit_log where action = 'account.secondFactor.reset' and object_id = :id")
            .param("id", id.toString())
            .query(Integer.class)
            .single()).isEqualTo(1);
        // Optional for unit staff: the password alone signs in again.
        password(login, "/");

        mvc.perform(post("/admin/staff/" + UUID.randomUUID() + "/second-factor/reset").with(csrf())
            .with(user(users.loadUserByUsername("admin")))
            .param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/staff/" + id + "/second-factor/reset").with(csrf())
            .with(user(users.loadUserByUsername("leader")))
            .param("version", "0")).andExpect(status().isForbidden());
    }

    @Test
    void othersMayTurnTheirFactorOffButAdministratorsMayNot() throws Exception {
        String admin = account("ADMIN");
        Enrolled adminFactor = enrolOnTheAccountPage(admin);
        String refused = mvc
            .perform(post("/account/second-factor/disable").with(csrf())
                .with(user(users.loadUserByUsername(admin)))
                .param("code", DemoSecondFactor.nextCode(admin, adminFactor.secret()))
                .param("version", String.valueOf(versionOf(admin))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(refused).contains("is-invalid");
        assertThat(versionOf(admin)).as("still enrolled").isNotNull();

        String login = account("UNIT_STAFF");
        Enrolled enrolled = enrolOnTheAccountPage(login);
        mvc.perform(post("/account/second-factor/disable").with(csrf())
            .with(user(users.loadUserByUsername(login)))
            .param("code", DemoSecondFactor.nextCode(login, enrolled.secret()))
            .param("version", String.valueOf(versionOf(login)))).andExpect(redirectedUrl("/account"));
        password(login, "/");
    }

    // ---- helpers

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    private String account(String role) {
        String login = "totp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = units.findByCode("OTOGQ").orElseThrow().id();
        staff.create(new StaffForm(unit, "验证测试", "", "", "", login, PASSWORD, true, Set.of(role), null));
        return login;
    }

    private Enrolled enrolOnTheAccountPage(String login) throws Exception {
        String page = mvc.perform(get("/account/second-factor/enrol").with(user(users.loadUserByUsername(login))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String secret = find(SECRET, page).replace(" ", "");
        String codes = mvc
            .perform(post("/account/second-factor/enrol").with(csrf())
                .with(user(users.loadUserByUsername(login)))
                .param("code", DemoSecondFactor.nextCode(login, secret))
                .param("version", find(VERSION, page)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return new Enrolled(secret, all(RECOVERY, codes));
    }

    /** The password step; returns the session cookie after checking where it led. */
    private Cookie password(String login, String expectedNext) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", PASSWORD))
            .andExpect(redirectedUrl(expectedNext))
            .andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private org.springframework.test.web.servlet.ResultActions code(Cookie pending, String code) throws Exception {
        return mvc.perform(post("/login/second-factor").cookie(pending).with(csrf()).param("code", code));
    }

    private static Cookie cookieOf(MvcResult result, Cookie before) {
        Cookie after = result.getResponse().getCookie("SESSION");
        return after == null ? before : after;
    }

    private int failuresOf(String login) {
        return jdbc.sql("select count(*) from login_failure where login = :l")
            .param("l", login)
            .query(Integer.class)
            .single();
    }

    private Long versionOf(String login) {
        return jdbc.sql("select version from second_factor where staff_id = (select id from staff where login = :l)")
            .param("l", login)
            .query(Long.class)
            .optional()
            .orElse(null);
    }

    private byte[] sealedSecretOf(String login) {
        return jdbc
            .sql("select secret_sealed from second_factor where staff_id = (select id from staff where login = :l)")
            .param("l", login)
            .query(byte[].class)
            .single();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

}

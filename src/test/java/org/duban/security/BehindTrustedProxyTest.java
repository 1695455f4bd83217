package org.duban.security;

import org.duban.support.RawHttp;
import org.duban.support.RawHttp.Answer;
import org.duban.support.RealServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy on a trusted address (application.yml trusts the loopback one by
 * default): HTTPS requests get a Secure session cookie and HSTS, limits count the client
 * address the proxy reports, and no redirect carries a host taken from the request. A
 * real server, because Tomcat's RemoteIpValve and its redirects are what is tested.
 */
@RealServerTest
class BehindTrustedProxyTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anHttpsRequestThroughTheProxyGetsASecureCookieAndHsts() throws Exception {
        Answer page = RawHttp.send(port, "GET", "/login",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(page.header("Set-Cookie")).startsWith("SESSION=").containsIgnoringCase("; Secure");
    }

    @Test
    void aPlainHttpRequestGetsNeitherSecureNorHsts() throws Exception {
        Answer page = RawHttp.send(port, "GET", "/login", Map.of(), null);
        assertThat(page.header("Strict-Transport-Security")).isNull();
        assertThat(page.header("Set-Cookie")).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void failedLoginsAreCountedForTheClientAddressTheProxyReports() throws Exception {
        String login = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        Answer page = RawHttp.send(port, "GET", "/login", Map.of(), null);
        Matcher csrf = CSRF.matcher(page.text());
        assertThat(csrf.find()).isTrue();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", page.header("Set-Cookie").split(";")[0]);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("X-Forwarded-For", "198.51.100.23");
        RawHttp.send(port, "POST", "/login", headers,
                ("username=" + login + "&password=wrong-password-1&_csrf=" + csrf.group(1))
                    .getBytes(StandardCharsets.UTF_8));

        assertThat(jdbc.sql("select address from login_failure where login = :l")
            .param("l", login)
            .query(String.class)
            .list()).containsExactly("198.51.100.23");
    }

    @Test
    void redirectsNeverCarryTheHostTheClientSent() throws Exception {
        Answer protectedPage = RawHttp.send(port, "GET", "/problems?status=OPEN", Map.of("Host", "evil.example"), null);
        assertThat(protectedPage.status()).isEqualTo(302);
        assertThat(protectedPage.header("Location")).doesNotContain("evil.example");

        // After signing in, back to the saved page: by its path only.
        String cookie = protectedPage.header("Set-Cookie").split(";")[0];
        Answer login = RawHttp.send(port, "GET", "/login", Map.of("Host", "evil.example", "Cookie", cookie), null);
        Matcher csrf = CSRF.matcher(login.text());
        assertThat(csrf.find()).isTrue();
        Answer signedIn = RawHttp.send(port, "POST", "/login",
                Map.of("Host", "evil.example", "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                ("username=leader&password=duban-demo&_csrf=" + csrf.group(1)).getBytes(StandardCharsets.UTF_8));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("evil.example").startsWith("/problems");
    }

}

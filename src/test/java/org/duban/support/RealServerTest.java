package org.duban.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application on a real Tomcat on a random port (no MockMvc: the container's own
 * parsing, forwarded-header handling and redirects included), with the demonstration data
 * (the test client's loopback address is a trusted proxy, as application.yml configures),
 * and with limits raised so that generated traffic is not throttled. All tests with this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("db")
@TestPropertySource(properties = { "duban.database.data-dir=", "duban.demo-data=true",
        "duban.demo-data-on-external=true", "duban.audit.anchor-file=", "logging.structured.format.console=",
        "duban.security.login.max-failures-per-account=100000", "duban.security.login.max-failures-per-address=100000",
        "duban.complaint.rate-limit.submissions=100000", "duban.complaint.rate-limit.lookups=100000",
        // Thousands of refused requests: their routine log lines would cost more time
        // than the requests.
        "logging.level.org.duban=WARN", "logging.level.org.springframework.web=ERROR",
        "logging.level.org.springframework.security=ERROR" })
public @interface RealServerTest {

}

package org.duban.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test on the real database with the demonstration data: a throw-away
 * embedded PostgreSQL by default, or the external server named by
 * {@code SPRING_DATASOURCE_URL} (CI runs the "db" tag both ways). All tests with this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Tag("db")
@TestPropertySource(properties = { "duban.database.data-dir=", "duban.demo-data=true",
        "duban.demo-data-on-external=true", "duban.audit.anchor-file=", "logging.structured.format.console=",
        "duban.security.login.max-failures-per-account=5", "duban.security.login.max-failures-per-address=1000" })
public @interface DubanTest {

}

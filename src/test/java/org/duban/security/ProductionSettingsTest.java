package org.duban.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSettingsTest {

    static final String OWN_KEY = "q5b3cHqvQ2V2Yk8xYXZrR0hOcUt6bmVzUjRWTkVtUTA=";
    static final String OWN_AUDIT_KEY = "Zm9yLXRlc3RzLW9ubHktbm90LXRoZS1kZXYta2V5LTE=";

    @Test
    void theDevelopmentIdentityKeyIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty("duban.audit.chain-key", OWN_AUDIT_KEY)
            .withProperty("duban.complaint.identity-key",
                    ProductionSettings.DEVELOPMENT_IDENTITY_KEYS.iterator().next())
            .withProperty("spring.datasource.url", "jdbc:postgresql://db/duban");
        assertThat(ProductionSettings.problems(environment)).singleElement().asString().contains("development key");
    }

    @Test
    void startingWithoutAnExternalDatabaseIsRefusedUnlessAskedFor() {
        MockEnvironment environment = new MockEnvironment().withProperty("duban.complaint.identity-key", OWN_KEY)
            .withProperty("duban.audit.chain-key", OWN_AUDIT_KEY);
        assertThat(ProductionSettings.problems(environment)).singleElement()
            .asString()
            .contains("no external database");

        environment.setProperty("duban.database.embedded-in-prod", "true");
        assertThat(ProductionSettings.problems(environment)).isEmpty();
    }

    @Test
    void theDevelopmentAuditKeyIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty("duban.complaint.identity-key", OWN_KEY)
            .withProperty("spring.datasource.url", "jdbc:postgresql://db/duban")
            .withProperty("duban.audit.chain-key", ProductionSettings.DEVELOPMENT_AUDIT_KEYS.iterator().next());
        assertThat(ProductionSettings.problems(environment)).singleElement().asString().contains("audit.chain-key");
    }

    @Test
    void theCheckRunsBeforeAnyBeanIsCreated() {
        ProductionSettings settings = new ProductionSettings();
        settings.setEnvironment(new MockEnvironment());
        assertThatThrownBy(() -> settings.postProcessBeanFactory(null)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("prod");

        settings.setEnvironment(new MockEnvironment().withProperty("duban.complaint.identity-key", OWN_KEY)
            .withProperty("duban.audit.chain-key", OWN_AUDIT_KEY)
            .withProperty("spring.datasource.url", "jdbc:postgresql://db/duban"));
        assertThatCode(() -> settings.postProcessBeanFactory(null)).doesNotThrowAnyException();
    }

}

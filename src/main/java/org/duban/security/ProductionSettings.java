package org.duban.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Under the production profile, Duban refuses to start with settings that are only fit
 * for development: the development complainant-identity and audit-chain keys published in
 * {@code application.yml}, and no external database (the embedded one would start
 * silently) unless {@code duban.database.embedded-in-prod=true} says so on purpose. Runs
 * as a bean-factory post-processor, so it refuses before any database is started.
 */
@Component
@Profile("prod")
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Keys that were ever published in this repository's configuration. */
    static final Set<String> DEVELOPMENT_IDENTITY_KEYS = Set.of("OwLmPJbyeAZHxcLJlXJBK3Jvn+nKzXJE5CHILYsgCao=");

    static final Set<String> DEVELOPMENT_AUDIT_KEYS = Set.of("3q0Wb5Qy8m3nqC2yCqk1dJ9cV4pWm6y0fE2uTtN7sKo=");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start under the 'prod' profile: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String key = environment.getProperty("duban.complaint.identity-key", "").trim();
        if (DEVELOPMENT_IDENTITY_KEYS.contains(key)) {
            problems.add("duban.complaint.identity-key is the development key from application.yml; set "
                    + "DUBAN_COMPLAINT_IDENTITY_KEY to your own (openssl rand -base64 32)");
        }
        String auditKey = environment.getProperty("duban.audit.chain-key", "").trim();
        if (auditKey.isEmpty() || DEVELOPMENT_AUDIT_KEYS.contains(auditKey)) {
            problems.add("duban.audit.chain-key is missing or the development key; set DUBAN_AUDIT_CHAIN_KEY to your "
                    + "own (openssl rand -base64 32) and keep it outside the database");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        boolean embeddedWanted = environment.getProperty("duban.database.embedded-in-prod", Boolean.class, false);
        if (url.isBlank() && !embeddedWanted) {
            problems.add("no external database: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD), or "
                    + "duban.database.embedded-in-prod=true to use the embedded PostgreSQL on purpose");
        }
        return problems;
    }

}

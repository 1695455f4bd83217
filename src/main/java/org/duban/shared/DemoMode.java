package org.duban.shared;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether demonstration data should be loaded: only on the embedded default database, only when enabled, never
 * under the production profile. The test suite also loads it into an external database
 * ({@code duban.demo-data-on-external}) so that the same tests run there. Each module's demo loader asks this
 * and then loads only into its own empty tables.
 */
@Component
public class DemoMode {

    private final Environment environment;

    DemoMode(Environment environment) {
        this.environment = environment;
    }

    public boolean wanted() {
        String url = environment.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank();
        return (embedded || environment.getProperty("duban.demo-data-on-external", Boolean.class, false))
                && environment.getProperty("duban.demo-data", Boolean.class, false)
                && !environment.acceptsProfiles(Profiles.of("prod"));
    }
}

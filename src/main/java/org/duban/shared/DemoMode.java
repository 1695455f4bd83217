package org.duban.shared;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Whether demonstration data should be loaded: only on the embedded default database,
 * only when enabled, never under the production profile. The test suite also loads it
 * into an external database ({@code duban.demo-data-on-external}) so that the same tests
 * run there. Each module's demo loader asks this and then loads only into its own empty
 * tables.
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

    /** A loader's work, which may throw what its loader's {@code run} throws. */
    @FunctionalInterface
    public interface Work<E extends Exception> {

        void run() throws E;

    }

    /**
     * Runs a loader's work with {@code actor} as the name its changes are recorded under
     * (null: nobody signed in) and puts back whoever was signed in before. A loader may
     * switch actors inside the work; the previous authentication is restored all the
     * same.
     */
    public <E extends Exception> void runAs(String actor, Work<E> work) throws E {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        actAs(actor);
        try {
            work.run();
        }
        finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /**
     * Switches, inside {@link #runAs}, to {@code actor} as the name the next changes are
     * recorded under (null: nobody signed in), with no roles: for services that record
     * who acted but check permissions at the web layer.
     */
    public void actAs(String actor) {
        SecurityContextHolder.getContext()
            .setAuthentication(actor == null ? null : new UsernamePasswordAuthenticationToken(actor, null, List.of()));
    }

}

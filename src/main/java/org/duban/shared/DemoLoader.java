package org.duban.shared;

import org.springframework.boot.ApplicationArguments;

/**
 * A module's loader of demonstration data (ordered by {@code @Order}, after
 * {@code demo.DemoDataLoader}). Not an {@code ApplicationRunner}: {@link DemoLoading}
 * runs the loaders once the application is ready, so that loading never delays readiness,
 * and never for a command.
 */
public interface DemoLoader {

    /**
     * Loads the module's demonstration data if {@link DemoMode#wanted()} and its tables
     * are empty.
     */
    void run(ApplicationArguments args) throws Exception;

}

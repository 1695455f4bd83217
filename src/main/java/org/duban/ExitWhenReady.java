package org.duban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * With {@code -Dduban.exit-when-ready=true} the application stops as soon as it is ready,
 * closing its context (and so the embedded PostgreSQL): the training run of the build's
 * class-data-sharing archive ({@code ./mvnw -Pcds package},
 * docs/adr/0211-cds-archive.md). Spring's own {@code -Dspring.context.exit=onRefresh}
 * halts the JVM without closing the context, which leaves the embedded server running,
 * and it stops before the web server has started, whose classes the archive should hold
 * too.
 */
final class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

    static void attachIfAsked(SpringApplication application) {
        if (Boolean.getBoolean("duban.exit-when-ready")) {
            application.addListeners(new ExitWhenReady());
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }

}

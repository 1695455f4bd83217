package org.duban;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The application context of the {@code screen} command: the database (embedded or
 * external, migrated by Flyway), transactions, messages, the audit trail, and the
 * screening services the command uses, nothing else: no web server, security, templates,
 * scheduler, demonstration data, document warm-up or the other modules. The full context
 * took most of the command's time to start (issue 16,
 * docs/adr/0200-lean-screen-command.md).
 *
 * <p>
 * Not a {@code @Configuration}, so that the web application's component scan does not
 * pick it up; it is only ever a primary source of the command's
 * {@code SpringApplication}.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, MessageSourceAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class })
@Import(ScreenCommandContext.Components.class)
class ScreenCommandContext {

    /**
     * The components by name: most are package-private in their modules. Named rather
     * than found by a component scan with filters, which read every class file of the
     * three packages and took 0.4 s of the command's start-up (issue 16).
     */
    static final class Components implements ImportSelector {

        static final String[] NAMES = { "org.duban.shared.database.EmbeddedDatabaseConfiguration",
                "org.duban.shared.ClockConfiguration", "org.duban.audit.AuditTrail", "org.duban.audit.AuditSealer",
                "org.duban.audit.AuditKey", "org.duban.audit.AuditAnchors", "org.duban.screening.Imports",
                "org.duban.screening.Screening", "org.duban.screening.ScreeningSettings",
                "org.duban.screening.Findings", "org.duban.screening.ScreenCommand" };

        @Override
        public String[] selectImports(AnnotationMetadata importingClassMetadata) {
            return NAMES.clone();
        }

    }

}

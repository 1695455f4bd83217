package org.duban.training;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Training sessions in the operation log by their date and topic (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class TrainingAuditNames {

    @Bean
    AuditObjectNames trainingObjectNames() {
        return AuditObjectNames.of("training_session", """
                select id::text as id, held_on::text || ' ' || topic as name
                from training_session where id::text = any(:ids)
                """);
    }

}

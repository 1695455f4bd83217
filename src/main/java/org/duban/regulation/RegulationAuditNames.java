package org.duban.regulation;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Regulations in the operation log by their title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class RegulationAuditNames {

    @Bean
    AuditObjectNames regulationObjectNames() {
        return AuditObjectNames.column("regulation", "regulation", "title");
    }

}

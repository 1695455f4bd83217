package org.duban.typicalcase;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Typical cases in the operation log by their (internal) title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class TypicalCaseAuditNames {

    @Bean
    AuditObjectNames typicalCaseObjectNames() {
        return AuditObjectNames.column("typical_case", "typical_case", "title");
    }

}

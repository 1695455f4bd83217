package org.duban.handdown;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hand-downs in the operation log by their date and title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class HandDownAuditNames {

    @Bean
    AuditObjectNames handDownObjectNames() {
        return AuditObjectNames.column("hand_down", "hand_down", "issued_on::text || ' ' || title");
    }

}

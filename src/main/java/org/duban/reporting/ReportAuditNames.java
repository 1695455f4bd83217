package org.duban.reporting;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports in the operation log by their title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class ReportAuditNames {

    @Bean
    AuditObjectNames reportObjectNames() {
        return AuditObjectNames.column("report", "report", "title");
    }

}

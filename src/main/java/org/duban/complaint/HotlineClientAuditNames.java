package org.duban.complaint;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hotline clients (systems that pass complaints on) in the operation log by their name
 * (ADR 0413).
 */
@Configuration(proxyBeanMethods = false)
class HotlineClientAuditNames {

    @Bean
    AuditObjectNames hotlineClientObjectNames() {
        return AuditObjectNames.column("hotline_client", "hotline_client", "name");
    }

}

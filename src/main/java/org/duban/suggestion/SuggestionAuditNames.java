package org.duban.suggestion;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Suggestions in the operation log by the start of their text; never by author (ADR
 * 0413).
 */
@Configuration(proxyBeanMethods = false)
class SuggestionAuditNames {

    @Bean
    AuditObjectNames suggestionObjectNames() {
        return AuditObjectNames.column("suggestion", "suggestion", "left(text, 30)");
    }

}

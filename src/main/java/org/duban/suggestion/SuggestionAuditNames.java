package org.duban.suggestion;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
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

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames suggestionCodes(MessageSource messages) {
        return new CodedFields("suggestion", messages, Coded.of("status", "suggestion.status.", SuggestionStatus.class),
                Coded.of("topic", "suggestion.topic.", SuggestionTopic.class));
    }

}

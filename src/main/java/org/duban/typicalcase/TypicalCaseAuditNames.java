package org.duban.typicalcase;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Typical cases in the operation log by their (internal) title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class TypicalCaseAuditNames {

    @Bean
    AuditObjectNames typicalCaseObjectNames() {
        return AuditObjectNames.column("typical_case", "typical_case", "title");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames typicalCaseCodes(MessageSource messages) {
        return new CodedFields("typical_case", messages, Coded.of("kind", "typicalcase.kind.", TypicalCaseKind.class),
                Coded.of("status", "typicalcase.status.", TypicalCaseStatus.class),
                Coded.of("source", "typicalcase.source.", TypicalCaseSource.class));
    }

}

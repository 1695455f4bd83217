package org.duban.regulation;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Regulations in the operation log by their title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class RegulationAuditNames {

    @Bean
    AuditObjectNames regulationObjectNames() {
        return AuditObjectNames.column("regulation", "regulation", "title");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames regulationCodes(MessageSource messages) {
        return new CodedFields("regulation", messages, Coded.of("kind", "regulation.kind.", RegulationKind.class),
                Coded.of("status", "regulation.status.", RegulationStatus.class));
    }

}

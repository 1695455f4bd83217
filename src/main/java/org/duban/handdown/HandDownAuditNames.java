package org.duban.handdown;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hand-downs in the operation log by their date and title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class HandDownAuditNames {

    @Bean
    AuditObjectNames handDownObjectNames() {
        return AuditObjectNames.column("hand_down", "hand_down", "issued_on::text || ' ' || title");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames handDownCodes(MessageSource messages) {
        return new CodedFields("hand_down", messages, Coded.of("kind", "handdown.kind.", HandDownKind.class),
                Coded.of("status", "handdown.status.", HandDownStatus.class));
    }

}

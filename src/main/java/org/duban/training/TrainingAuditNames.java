package org.duban.training;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Training sessions in the operation log by their date and topic (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class TrainingAuditNames {

    @Bean
    AuditObjectNames trainingObjectNames() {
        return AuditObjectNames.of("training_session", """
                select id::text as id, held_on::text || ' ' || topic as name
                from training_session where id::text = any(:ids)
                """);
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames trainingCodes(MessageSource messages) {
        return new CodedFields("training_session", messages,
                Coded.of("status", "training.status.", TrainingStatus.class),
                new Coded("source", "training.source.", List.of("PAGE", "SHEET")));
    }

}

package org.duban.reporting;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports in the operation log by their title (ADR 0413). */
@Configuration(proxyBeanMethods = false)
class ReportAuditNames {

    @Bean
    AuditObjectNames reportObjectNames() {
        return AuditObjectNames.column("report", "report", "title");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames reportCodes(MessageSource messages) {
        return new CodedFields("report", messages, Coded.of("kind", "report.kind.", ReportKind.class),
                Coded.of("status", "report.status.", ReportStatus.class));
    }

}

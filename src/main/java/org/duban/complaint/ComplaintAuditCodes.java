package org.duban.complaint;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.CodedFields;
import org.duban.audit.CodedFields.Coded;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the operation log shows for the codes in a complaint's audited changes (ADR 0416).
 */
@Configuration(proxyBeanMethods = false)
class ComplaintAuditCodes {

    @Bean
    AuditFieldNames complaintCodes(MessageSource messages) {
        return new CodedFields("complaint", messages, Coded.of("status", "complaint.status.", ComplaintStatus.class),
                Coded.of("channel", "complaint.channel.", Channel.class),
                Coded.of("type", "complaint.type.", ComplaintType.class),
                Coded.of("closure", "complaint.closure.", Closure.class),
                Coded.of("satisfaction", "complaint.satisfaction.", Satisfaction.class));
    }

}

package org.duban.complaint;

import org.duban.audit.AuditObjectNames;
import org.springframework.stereotype.Component;

/**
 * Complaints in the operation log by the number staff and the public see (as
 * {@link Complaint#reference()}), never by what the complainant wrote.
 */
@Component
class ComplaintAuditNames implements AuditObjectNames {

    @Override
    public String objectType() {
        return "complaint";
    }

    @Override
    public String nameQuery() {
        return """
                select id::text as id, coalesce(number, upper(left(id::text, 8))) as name
                from complaint where id::text = any(:ids)
                """;
    }

}

package org.duban.ledger;

import org.duban.audit.AuditObjectNames;
import org.springframework.stereotype.Component;

/**
 * Problems in the operation log: the ledger number and the start of the description; a
 * confidential problem by its number only (auditors read the log unscoped).
 */
@Component
class ProblemAuditNames implements AuditObjectNames {

    @Override
    public String objectType() {
        return "problem";
    }

    @Override
    public String nameQuery() {
        return """
                select id::text as id,
                       reference || case when confidential then '' else ' ' || left(description, 30) end as name
                from problem where id::text = any(:ids)
                """;
    }

}

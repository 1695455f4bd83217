package org.duban.inspection;

import org.duban.audit.AuditObjectNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Inspections, their findings, evidence and declared conflicts, and random draws in the
 * operation log. An unannounced visit that is not closed is confidential: it is named by
 * its date only (the title may name whom it visits).
 */
@Configuration(proxyBeanMethods = false)
class InspectionAuditNames {

    private static final String INSPECTION = """
            case when i.type = 'UNANNOUNCED' and i.status <> 'CLOSED' then i.planned_on::text
                 else i.planned_on::text || ' ' || i.title end
            """;

    @Bean
    AuditObjectNames inspectionObjectNames() {
        return AuditObjectNames.of("inspection",
                "select i.id::text as id, " + INSPECTION + " as name from inspection i where i.id::text = any(:ids)");
    }

    @Bean
    AuditObjectNames inspectionFindingObjectNames() {
        return AuditObjectNames.of("inspection_finding", "select f.id::text as id, " + INSPECTION
                + " || coalesce(' / ' || f.target_label, '') as name from inspection_finding f join inspection i on i.id = f.inspection_id"
                + " where f.id::text = any(:ids)");
    }

    @Bean
    AuditObjectNames evidenceObjectNames() {
        return AuditObjectNames.column("inspection_evidence_file", "inspection_evidence_file", "file_name");
    }

    @Bean
    AuditObjectNames conflictObjectNames() {
        return AuditObjectNames.of("inspector_conflict", """
                select c.id::text as id, s.name as name
                from inspector_conflict c join staff s on s.id = c.staff_id where c.id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames drawObjectNames() {
        return AuditObjectNames.column("random_draw", "random_draw", "title");
    }

}

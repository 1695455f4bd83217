package org.duban.inspection;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.duban.ledger.ProblemCategory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Locale;

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

    /**
     * A saved checklist is audited with the item codes as fields and PASS, FAIL, NA as
     * values: the log shows the item's text and the answer's label.
     */
    @Bean
    AuditFieldNames checklistFieldNames(Checklist checklist, MessageSource messages) {
        return new AuditFieldNames() {

            @Override
            public String objectType() {
                return "inspection";
            }

            @Override
            public String field(String field, Locale locale) {
                return checklist.find(field).map(item -> item.text(locale)).orElse(null);
            }

            @Override
            public String value(String field, String value, Locale locale) {
                return messages.getMessage("inspection.check." + value, null, null, locale);
            }

        };
    }

    @Bean
    AuditObjectNames drawObjectNames() {
        return AuditObjectNames.column("random_draw", "random_draw", "title");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames inspectionCodes(MessageSource messages) {
        return new CodedFields("inspection", messages, Coded.of("status", "inspection.status.", InspectionStatus.class),
                Coded.of("type", "inspection.type.", InspectionType.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames inspectionFindingCodes(MessageSource messages) {
        return new CodedFields("inspection_finding", messages,
                Coded.of("category", "inspection.category.", ProblemCategory.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames drawCodes(MessageSource messages) {
        return new CodedFields("random_draw", messages, Coded.of("seedMode", "draw.seedMode.", DrawForm.SeedMode.class),
                Coded.of("targetType", "draw.targetType.", DrawForm.TargetType.class));
    }

}

package org.duban.screening;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Screening runs, imports, findings and rules in the operation log: a run by the period
 * it screened, an import by its file, a finding by its subject, a rule by its label (ADR
 * 0413).
 */
@Configuration(proxyBeanMethods = false)
class ScreeningAuditNames {

    @Bean
    AuditObjectNames screeningRunObjectNames() {
        return AuditObjectNames.of("screening_run", """
                select id::text as id,
                       coalesce(nullif(concat_ws(' ~ ', decided_from::text, decided_to::text), ''),
                                to_char(started_at at time zone :zone, 'YYYY-MM-DD HH24:MI')) as name
                from screening_run where id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames screeningImportObjectNames() {
        return AuditObjectNames.column("screening_import", "screening_import", "file_name");
    }

    @Bean
    AuditObjectNames screeningFindingObjectNames() {
        return AuditObjectNames.of("screening_finding", """
                select f.id::text as id, coalesce(u.name, f.subject_id) as name
                from screening_finding f left join org_unit u on f.subject_type = 'UNIT' and u.id::text = f.subject_id
                where f.id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames screeningSettingObjectNames() {
        return AuditObjectNames.labelled("screening_setting", "screening.setting.");
    }

    @Bean
    AuditObjectNames benchmarkObjectNames() {
        return AuditObjectNames.of("screening_benchmark", """
                select violation_code || '/' || circumstance as id,
                       coalesce(violation, violation_code) || ' ' || min_fine || '~' || max_fine as name
                from screening_benchmark where violation_code || '/' || circumstance = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames screeningRuleObjectNames() {
        return AuditObjectNames.labelled("screening_rule", "screening.rule.");
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames screeningRunCodes(MessageSource messages) {
        return new CodedFields("screening_run", messages,
                Coded.of("trigger", "screening.runs.trigger.", Screening.Trigger.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames screeningFindingCodes(MessageSource messages) {
        return new CodedFields("screening_finding", messages,
                new Coded("status", "screening.status.", List.of("OPEN", "PROBLEM", "DISMISSED")));
    }

}

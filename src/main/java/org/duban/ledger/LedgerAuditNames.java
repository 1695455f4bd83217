package org.duban.ledger;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's other records in the operation log (problems: {@link ProblemAuditNames}):
 * accountability by the person and the problem's number, a 约谈 by who was interviewed and
 * when, a review round and an item by their names. A record about a confidential problem
 * is named by the problem's number only.
 */
@Configuration(proxyBeanMethods = false)
class LedgerAuditNames {

    @Bean
    AuditObjectNames accountabilityObjectNames() {
        return AuditObjectNames.of("accountability_record", """
                select a.id::text as id,
                       case when p.confidential then p.reference
                            else concat_ws(' ', p.reference, a.person) end as name
                from accountability_record a left join problem p on p.id = a.problem_id
                where a.id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames interviewObjectNames() {
        return AuditObjectNames.of("accountability_interview", """
                select i.id::text as id,
                       case when p.confidential then p.reference
                            else concat_ws(' ', i.held_on::text, i.interviewee, p.reference) end as name
                from accountability_interview i left join problem p on p.id = i.problem_id
                where i.id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames reviewRoundObjectNames() {
        return AuditObjectNames.column("review_round", "review_round", "title");
    }

    @Bean
    AuditObjectNames problemItemObjectNames() {
        return AuditObjectNames.of("problem_item",
                "select code as id, code || ' ' || name as name from problem_item where code = any(:ids)");
    }

    @Bean
    AuditObjectNames holidayObjectNames() {
        return AuditObjectNames.of("holiday_calendar", """
                select day::text as id, day::text || coalesce(' ' || name, '') as name
                from holiday_calendar where day::text = any(:ids)
                """);
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames problemCodes(MessageSource messages) {
        return new CodedFields("problem", messages, Coded.of("status", "problem.status.", ProblemStatus.class),
                Coded.of("category", "problem.category.", ProblemCategory.class),
                Coded.of("source", "problem.source.", ProblemSource.class),
                Coded.of("root_cause", "problem.rootCause.", RootCause.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames problemItemCodes(MessageSource messages) {
        return new CodedFields("problem_item", messages,
                Coded.of("category", "problem.category.", ProblemCategory.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames accountabilityCodes(MessageSource messages) {
        return new CodedFields("accountability_record", messages,
                Coded.of("status", "accountability.status.", AccountabilityStatus.class),
                Coded.of("kind", "accountability.kind.", AccountabilityKind.class),
                Coded.of("proposedKind", "accountability.kind.", AccountabilityKind.class),
                Coded.of("subject", "accountability.subject.", AccountabilitySubject.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames reviewCodes(MessageSource messages) {
        return new CodedFields("review_round", messages, Coded.of("status", "review.status.", ReviewStatus.class),
                Coded.of("result", "review.result.", ReviewResult.class));
    }

}

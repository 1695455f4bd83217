package org.duban.campaign;

import org.duban.audit.AuditFieldNames;
import org.duban.audit.AuditObjectNames;
import org.duban.audit.CodedFields.Coded;
import org.duban.audit.CodedFields;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Campaigns, their groups and members, key tasks and public notices in the operation log,
 * by their titles and names (ADR 0412, 0413).
 */
@Configuration(proxyBeanMethods = false)
class CampaignAuditNames {

    @Bean
    AuditObjectNames campaignObjectNames() {
        return AuditObjectNames.of("campaign", """
                select id::text as id, title || coalesce(' ' || document_number, '') as name
                from campaign where id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames campaignGroupObjectNames() {
        return AuditObjectNames.column("campaign_group", "campaign_group", "name");
    }

    @Bean
    AuditObjectNames groupMemberObjectNames() {
        return AuditObjectNames.of("group_member", """
                select m.id::text as id, coalesce(s.name, m.name) || ' / ' || g.name as name
                from group_member m join campaign_group g on g.id = m.group_id left join staff s on s.id = m.staff_id
                where m.id::text = any(:ids)
                """);
    }

    @Bean
    AuditObjectNames keyTaskObjectNames() {
        return AuditObjectNames.column("key_task", "key_task", "title");
    }

    @Bean
    AuditObjectNames publicNoticeObjectNames() {
        return AuditObjectNames.of("public_notice", """
                select n.bureau_unit_id::text as id, n.title as name
                from public_notice n where n.bureau_unit_id::text = any(:ids)
                """);
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames campaignCodes(MessageSource messages) {
        return new CodedFields("campaign", messages, Coded.of("status", "campaign.status.", CampaignStatus.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames campaignGroupCodes(MessageSource messages) {
        return new CodedFields("campaign_group", messages, Coded.of("kind", "group.kind.", GroupKind.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames groupMemberCodes(MessageSource messages) {
        return new CodedFields("group_member", messages, Coded.of("position", "position.", MemberPosition.class));
    }

    /** What the log shows for the codes in this record's audited changes (ADR 0416). */
    @Bean
    AuditFieldNames keyTaskCodes(MessageSource messages) {
        return new CodedFields("key_task", messages, Coded.of("status", "keytask.status.", KeyTaskStatus.class),
                Coded.of("phase", "phase.", Phase.class),
                Coded.of("fulfilledByKind", "keytask.report.", KeyTaskReportKind.class));
    }

}

package org.duban.campaign;

import org.duban.audit.AuditObjectNames;
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

}

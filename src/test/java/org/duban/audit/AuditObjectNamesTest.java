package org.duban.audit;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every record type the modules write audit entries about is named in the log by what
 * people call it (number, title, name, label): the page shows neither a UUID nor a type
 * code for any of them, and a record that no longer exists is said to be gone.
 */
@DubanTest
class AuditObjectNamesTest {

    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** One record of each type, from the demonstration data or written here. */
    static final Map<String, String> ONE_OF = new LinkedHashMap<>();

    static {
        for (String table : List.of("campaign", "campaign_group", "group_member", "key_task", "org_unit", "staff",
                "accountability_record", "accountability_interview", "review_round", "inspection", "inspection_finding",
                "random_draw", "hand_down", "report", "suggestion", "regulation", "training_session", "typical_case",
                "screening_run", "screening_import", "screening_finding", "problem", "complaint", "hotline_client",
                "inspector_conflict", "inspection_evidence_file")) {
            ONE_OF.put(table, "select id::text from " + table + " order by id limit 1");
        }
        ONE_OF.put("public_notice", "select bureau_unit_id::text from public_notice limit 1");
        ONE_OF.put("role", "select code from role order by code limit 1");
        ONE_OF.put("problem_item", "select code from problem_item order by code limit 1");
        ONE_OF.put("holiday_calendar", "select day::text from holiday_calendar order by day limit 1");
        ONE_OF.put("screening_rule", "select code from screening_rule order by code limit 1");
        ONE_OF.put("screening_setting", "select key from screening_setting order by key limit 1");
        ONE_OF.put("screening_benchmark",
                "select violation_code || '/' || circumstance from screening_benchmark order by 1 limit 1");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserDetailsService users;

    String log(String type, String id) throws Exception {
        return mvc
            .perform(get("/audit").param("objectType", type)
                .param("objectId", id)
                .with(user(users.loadUserByUsername("auditor"))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text a reader sees: no tags, so no attribute (the id stays in a title). */
    static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ");
    }

    /** Records the demonstration does not have: one of each, written here. */
    void writeWhatTheDemonstrationLacks() {
        jdbc.sql("""
                insert into hotline_client (id, name, bureau_unit_id, key_prefix, key_hash, secret_enc, created_by,
                                            created_at)
                select gen_random_uuid(), '12345热线（测试）', id, 'test', 'audit-names-test', '\\x00', 'test', now()
                from org_unit where code = 'OTOGQ' and not exists (select 1 from hotline_client)
                """).update();
        jdbc.sql(
                """
                        insert into inspector_conflict (id, staff_id, subject_type, subject_id, reason, recorded_by, recorded_at)
                        select gen_random_uuid(), id, 'UNIT', 'audit-names-test', '近亲属', 'test', now()
                        from staff where login = 'unit' and not exists (select 1 from inspector_conflict)
                        """)
            .update();
        jdbc.sql("""
                insert into inspection_evidence_file (id, finding_id, file_name, content_type, size, sha256, content,
                                                      uploaded_by, uploaded_at)
                select gen_random_uuid(), id, '现场照片.jpg', 'image/jpeg', 1, repeat('0', 64), '\\x00', 'test', now()
                from inspection_finding where not exists (select 1 from inspection_evidence_file) limit 1
                """).update();
    }

    @Test
    void everyAuditedRecordTypeIsShownByANameNeverByAUuidOrATypeCode() throws Exception {
        writeWhatTheDemonstrationLacks();
        List<String> unnamed = new ArrayList<>();
        for (Map.Entry<String, String> type : ONE_OF.entrySet()) {
            List<String> ids = jdbc.sql(type.getValue()).query(String.class).list();
            assertThat(ids).as("the test needs one %s", type.getKey()).isNotEmpty();
            String id = ids.get(0);
            events.publishEvent(AuditEvent.change("test.named", type.getKey(), id, Map.of(), Map.of()));
            String page = log(type.getKey(), id);
            Matcher cell = Pattern
                .compile("<span>([^<]*)</span>\\s*<span class=\"d-block[^\"]*\" title=\"" + Pattern.quote(id)
                        + "\">([^<]*)</span>")
                .matcher(page);
            assertThat(cell.find()).as("the object cell of %s %s", type.getKey(), id).isTrue();
            String label = cell.group(1).strip();
            String name = cell.group(2).strip();
            if (label.equals(type.getKey()) || name.isEmpty() || name.equals(id) || name.equals("已删除或不存在的记录")) {
                unnamed.add(type.getKey() + " → " + label + " / " + name);
            }
            assertThat(visible(page)).as("%s shows no UUID", type.getKey()).doesNotContainPattern(UUID);
        }
        assertThat(unnamed).as("types shown by a code or an id").isEmpty();
    }

    @Test
    void aSignInIsNamedByThePersonAndADeletedRecordIsSaidToBeGone() throws Exception {
        events.publishEvent(AuditEvent.change("test.named", "staff", "workteam", Map.of(), Map.of()));
        assertThat(visible(log("staff", "workteam"))).contains("薛照葶");
        events.publishEvent(new org.duban.security.LoginAttempted("workteam", true));
        String byWorkTeam = mvc
            .perform(get("/audit").param("actor", "workteam").with(user(users.loadUserByUsername("auditor"))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(byWorkTeam).as("the actor by name, the login in the title").contains("title=\"workteam\">薛照葶</td>");
        String gone = java.util.UUID.randomUUID().toString();
        events.publishEvent(AuditEvent.change("test.named", "group_member", gone, Map.of(), Map.of()));
        String page = visible(log("group_member", gone));
        assertThat(page).contains("已删除或不存在的记录").doesNotContainPattern(UUID);
    }

    @Test
    void aRecordWithoutItsOptionalLabelIsStillNamedInsideAValue() throws Exception {
        // A finding with no target label: its name (the inspection's day and title) is
        // still a name, and the page is shown (a null name once failed the whole page).
        String finding = jdbc.sql("""
                insert into inspection_finding (id, inspection_id, category, target_label, description, evidence,
                                                found_on, recorded_by, recorded_at)
                select gen_random_uuid(), i.id, 'RIGID', null, 'no label', 'e', date '2023-06-01', 'test', now()
                from inspection i where i.type <> 'UNANNOUNCED' order by i.planned_on limit 1
                returning id::text
                """).query(String.class).single();
        String objectId = java.util.UUID.randomUUID().toString();
        events.publishEvent(
                AuditEvent.change("test.named", "inspection_finding", objectId, Map.of(), Map.of("finding", finding)));
        String page = mvc
            .perform(get("/audit").param("objectType", "inspection_finding")
                .param("objectId", objectId)
                .with(user(users.loadUserByUsername("auditor"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(visible(page)).contains("2023-").doesNotContain("（内部记录）").doesNotContainPattern(UUID);
    }

    @Test
    void aScreeningRunOverNoCaseIsNamedByItsStartInTheBureausZone() throws Exception {
        String run = java.util.UUID.randomUUID().toString();
        // 2023-05-31 17:30 UTC is 2023-06-01 01:30 in Beijing.
        jdbc.sql("""
                insert into screening_run (id, started_by, trigger, started_at, status, case_count)
                values (:id::uuid, 'test', 'COMMAND', timestamptz '2023-05-31 17:30:00+00', 'FAILED', 0)
                """).param("id", run).update();
        events.publishEvent(AuditEvent.change("test.named", "screening_run", run, Map.of(), Map.of()));
        assertThat(visible(log("screening_run", run))).contains("2023-06-01 01:30").doesNotContain("已删除或不存在的记录");
    }

}

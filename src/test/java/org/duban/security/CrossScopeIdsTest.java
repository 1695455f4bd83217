package org.duban.security;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every id a form carries is scope-checked, not only the form's main one. A county user
 * (the demonstration county, every permission, scope "unit and below") posts each form
 * once per id-bearing field with that field holding the id of a record of another county.
 * Expected: a 404, or the form again with an error, or a refusal message, and no row
 * written. Each form is first posted with the county's own ids and must be accepted, so a
 * row cannot pass by failing for some other reason.
 */
@DubanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossScopeIdsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    DubanUser countyUser;

    final Map<String, String> own = new LinkedHashMap<>();

    final Map<String, String> foreign = new LinkedHashMap<>();

    /**
     * One form: where it is posted, its valid fields (own ids as {@code {name}}), and the
     * table it writes.
     */
    record Form(String path, Map<String, String> fields, String table, boolean evidence) {
        Form(String path, Map<String, String> fields, String table) {
            this(path, fields, table, false);
        }
    }

    @BeforeAll
    void anotherCounty() {
        DubanUser leader = (DubanUser) users.loadUserByUsername("leader");
        List<String> all = jdbc.sql("select code from permission").query(String.class).list();
        countyUser = new DubanUser(leader.staffId(), "leader", leader.displayName(), leader.unitId(), null, true,
                leader.roles(), new HashSet<>(all), ScopeKind.UNIT_AND_BELOW);

        UUID county = leader.unitId();
        own.put("unit", county.toString());
        own.put("campaign",
                jdbc.sql("select id from campaign where owner_unit_id = :u limit 1")
                    .param("u", county)
                    .query(UUID.class)
                    .single()
                    .toString());
        own.put("staff",
                jdbc.sql("select id from staff where unit_id = :u and login is null limit 1")
                    .param("u", county)
                    .query(UUID.class)
                    .single()
                    .toString());
        own.put("group",
                jdbc.sql("select id from campaign_group where campaign_id = :c limit 1")
                    .param("c", UUID.fromString(own.get("campaign")))
                    .query(UUID.class)
                    .single()
                    .toString());
        own.put("problemRef", jdbc.sql("""
                select p.reference from problem p join org_unit o on o.id = p.unit_id
                where o.path like (select path from org_unit where id = :u) || '%' limit 1
                """).param("u", county).query(String.class).single());

        // A second county under the same city, with a campaign, a group, a staff member
        // and a problem.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID city = jdbc.sql("select parent_id from org_unit where id = :id")
            .param("id", county)
            .query(UUID.class)
            .single();
        String cityPath = jdbc.sql("select path from org_unit where id = :id")
            .param("id", city)
            .query(String.class)
            .single();
        UUID other = UUID.randomUUID();
        jdbc.sql(
                "insert into org_unit (id, parent_id, path, code, name, kind) values (:id, :p, :path, :code, :name, 'COUNTY_BUREAU')")
            .param("id", other)
            .param("p", city)
            .param("path", cityPath + other + "/")
            .param("code", "OTHER-" + suffix)
            .param("name", "other county " + suffix)
            .update();
        UUID campaign = UUID.randomUUID();
        jdbc.sql("""
                insert into campaign (id, owner_unit_id, title, issuing_agency, starts_on, status)
                values (:id, :u, 'other campaign', 'other bureau', date '2023-03-01', 'ACTIVE')
                """).param("id", campaign).param("u", other).update();
        UUID group = UUID.randomUUID();
        jdbc.sql("insert into campaign_group (id, campaign_id, kind, name) values (:id, :c, 'WORK_TEAM', 'other team')")
            .param("id", group)
            .param("c", campaign)
            .update();
        UUID staff = UUID.randomUUID();
        jdbc.sql("insert into staff (id, unit_id, name) values (:id, :u, 'other officer')")
            .param("id", staff)
            .param("u", other)
            .update();
        String reference = "OT-" + suffix;
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, category, unit_id, description, found_on,
                                     status, version, created_by, created_at, updated_by, updated_at)
                values (:id, :ref, :c, 'OTHER', 'ROUGH', :u, 'other county problem', date '2023-05-01', 'REGISTERED', 0,
                        'test', now(), 'test', now())
                """)
            .param("id", UUID.randomUUID())
            .param("ref", reference)
            .param("c", campaign)
            .param("u", other)
            .update();
        foreign.put("unit", other.toString());
        foreign.put("campaign", campaign.toString());
        foreign.put("staff", staff.toString());
        foreign.put("group", group.toString());
        foreign.put("problemRef", reference);

        // Handed down: one from the city to each county, and one of each county's own to
        // a
        // unit below it, reported back and waiting on the county's decision.
        UUID cityUnit = city;
        own.put("handdown", handDown(cityUnit, county, "ISSUED").toString());
        foreign.put("handdown", handDown(cityUnit, other, "ISSUED").toString());
        UUID office = jdbc.sql("select id from org_unit where parent_id = :c and kind = 'OFFICE' limit 1")
            .param("c", county)
            .query(UUID.class)
            .single();
        own.put("decidable", handDown(county, office, "REPORTED").toString());
        foreign.put("decidable", handDown(other, other, "REPORTED").toString());
    }

    private UUID handDown(UUID from, UUID to, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hand_down (id, kind, from_unit_id, to_unit_id, title, description, issued_on, due_on,
                                       status, created_by, created_at)
                values (:id, 'TASK', :from, :to, 'scope test', 'scope test', date '2023-06-01', date '2023-06-30',
                        :status, 'test', now())
                """)
            .param("id", id)
            .param("from", from)
            .param("to",
                    from.equals(to) ? jdbc.sql("select parent_id from org_unit where id = :id")
                        .param("id", from)
                        .query(UUID.class)
                        .single() : to)
            .param("status", status)
            .update();
        return id;
    }

    List<Form> forms() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        return List.of(
                new Form("/problems",
                        Map.of("campaignId", "{campaign}", "unitId", "{unit}", "source", "SELF_INSPECTION", "category",
                                "ROUGH", "description", "scope test", "foundOn", "2023-05-01"),
                        "problem"),
                new Form("/inspections",
                        Map.of("type", "SURPRISE", "title", "scope test", "campaignId", "{campaign}", "plannedOn",
                                "2023-06-01", "unitTargets", "{unit}", "staffTargets", "{staff}", "inspectorIds",
                                "{staff}"),
                        "inspection"),
                new Form("/draws",
                        Map.of("title", "scope test", "campaignId", "{campaign}", "targetType", "UNIT",
                                "targetRootUnitId", "{unit}", "poolRootUnitId", "{unit}", "targetCount", "1",
                                "inspectorsPerTarget", "0", "seedMode", "COMMITTED"),
                        "random_draw"),
                new Form("/tasks",
                        Map.of("campaignId", "{campaign}", "title", "scope test", "ownerUnitId", "{unit}", "deadline",
                                "2023-09-30"),
                        "key_task"),
                new Form("/campaigns",
                        Map.of("ownerUnitId", "{unit}", "title", "scope test", "issuingAgency", "agency", "startsOn",
                                "2023-03-01", "status", "DRAFT"),
                        "campaign"),
                new Form("/campaigns/{campaign}/members",
                        Map.of("groupId", "{group}", "staffId", "{staff}", "name", "scope test", "position", "MEMBER",
                                "sort", "0"),
                        "group_member"),
                new Form("/accountability",
                        Map.of("problemReference", "{problemRef}", "subject", "PERSON", "person", "scope test",
                                "unitId", "{unit}", "proposedKind", "TALK_REMINDER", "proposal", "scope test"),
                        "accountability_record"),
                new Form("/reports", Map.of("campaignId", "{campaign}", "kind", "SPECIAL", "month", "2023-06"),
                        "report"),
                new Form("/admin/staff", Map.of("unitId", "{unit}", "name", "scope test", "enabled", "true"), "staff"),
                new Form("/admin/units",
                        Map.of("parentId", "{unit}", "code", "SCOPE-" + unique, "name", "scope test", "kind", "OFFICE",
                                "sort", "0"),
                        "org_unit"),
                new Form("/handdowns/{handdown}/report", Map.of("version", "0", "text", "scope test"), "hand_down_step",
                        true),
                new Form("/handdowns/{decidable}/decision",
                        Map.of("version", "0", "action", "RETURN", "reasons", "scope test"), "hand_down_step"));
    }

    @TestFactory
    List<DynamicTest> everyIdFieldRefusesAnotherCountysRecord() {
        List<DynamicTest> tests = new ArrayList<>();
        int rows = 0;
        for (Form form : forms()) {
            tests.add(DynamicTest.dynamicTest("POST " + form.path() + " with the county's own ids is accepted", () -> {
                long before = count(form.table());
                MvcResult result = send(form, own::get, null);
                assertThat(result.getResponse().getStatus()).as(describe(result)).isEqualTo(302);
                assertThat(count(form.table())).isEqualTo(before + 1);
            }));
            List<String> idFields = new ArrayList<>(form.fields()
                .entrySet()
                .stream()
                .filter(e -> e.getValue().startsWith("{"))
                .map(Map.Entry::getKey)
                .toList());
            if (form.path().contains("{")) {
                idFields.add("(path)");
            }
            for (String field : idFields) {
                rows++;
                tests.add(DynamicTest.dynamicTest("POST " + form.path() + " with another county's " + field, () -> {
                    long before = count(form.table());
                    MvcResult result = send(form, own::get, field);
                    int status = result.getResponse().getStatus();
                    boolean refusedOnForm = status == 200 && hasErrors(result);
                    boolean refusedByFlash = status == 302 && result.getFlashMap().containsKey("refusal");
                    assertThat(status == 404 || refusedOnForm || refusedByFlash).as(describe(result)).isTrue();
                    assertThat(count(form.table())).as("rows in " + form.table()).isEqualTo(before);
                }));
            }
        }
        System.out.printf("cross-scope id rows: %d forms, %d id fields%n", forms().size(), rows);
        return tests;
    }

    private MvcResult send(Form form, Function<String, String> ids, String foreignField) throws Exception {
        String path = fill(form.path(), "(path)".equals(foreignField) ? foreign::get : ids);
        AbstractMockHttpServletRequestBuilder<?> request = form.evidence()
                ? multipart(path).file(new MockMultipartFile("evidence", "evidence.pdf", "application/pdf",
                        "%PDF-1.4 scope".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                : post(path);
        request.with(csrf()).with(user(countyUser));
        form.fields()
            .forEach((name, value) -> request.param(name, fill(value, name.equals(foreignField) ? foreign::get : ids)));
        return mvc.perform(request).andReturn();
    }

    private static String fill(String template, Function<String, String> ids) {
        String result = template;
        for (String name : List.of("campaign", "unit", "staff", "group", "problemRef", "handdown", "decidable")) {
            result = result.replace("{" + name + "}", ids.apply(name));
        }
        return result;
    }

    private static boolean hasErrors(MvcResult result) {
        if (result.getModelAndView() == null) {
            return false;
        }
        return result.getModelAndView()
            .getModel()
            .values()
            .stream()
            .anyMatch(v -> v instanceof BindingResult b && b.hasErrors());
    }

    private static String describe(MvcResult result) {
        return result.getRequest().getRequestURI() + " answered " + result.getResponse().getStatus() + " "
                + result.getResponse().getRedirectedUrl() + " " + result.getFlashMap();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

}

package org.duban.inspection;

import org.duban.ledger.ProblemCategory;
import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
class InspectionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Inspections inspections;

    @Autowired
    RandomDraws draws;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    UUID campaign() {
        return jdbc.sql("select id from campaign order by starts_on limit 1").query(UUID.class).single();
    }

    UUID squad1() {
        return units.findByCode("OTOGQ-SQUAD-1").orElseThrow().id();
    }

    UUID staffNamed(String login) {
        return jdbc.sql("select id from staff where login = :l").param("l", login).query(UUID.class).single();
    }

    String lastTitle;

    UUID planUnannouncedVisit() throws Exception {
        lastTitle = "night visit " + UUID.randomUUID();
        String location = mvc
            .perform(post("/inspections").with(csrf())
                .with(user(users.loadUserByUsername("workteam")))
                .param("type", "UNANNOUNCED")
                .param("title", lastTitle)
                .param("campaignId", campaign().toString())
                .param("plannedOn", "2026-11-20")
                .param("unitTargets", squad1().toString())
                .param("otherTargets", "case 12\ncase 13")
                .param("inspectorIds", staffNamed("workteam").toString()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anUnannouncedVisitIsConfidentialToTheWorkTeamUntilClosed() throws Exception {
        UUID id = planUnannouncedVisit();
        mvc.perform(get("/inspections/" + id).with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("case 13")));
        for (String other : List.of("leader", "admin", "auditor", "city")) {
            mvc.perform(get("/inspections/" + id).with(user(users.loadUserByUsername(other))))
                .andExpect(status().isNotFound());
            mvc.perform(get("/inspections").with(user(users.loadUserByUsername(other))))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(lastTitle))));
        }
        long version = jdbc.sql("select version from inspection where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
        mvc.perform(post("/inspections/" + id + "/close").with(csrf())
            .with(user(users.loadUserByUsername("workteam")))
            .param("version", String.valueOf(version))
            .param("summary", "done")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspections/" + id).with(user(users.loadUserByUsername("leader"))))
            .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_log where object_id = :id and action = 'inspection.closed'")
            .param("id", id.toString())
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    @WithUserDetails(value = "workteam",
            setupBefore = org.springframework.security.test.context.support.TestExecutionEvent.TEST_EXECUTION)
    void checklistAnswersAndFindingsAreRecordedAndAClosedInspectionIsReadOnly() {
        var scope = units.currentScope();
        UUID id = inspections
            .create(new InspectionForm(InspectionType.SURPRISE, "station check", campaign(), LocalDate.of(2026, 11, 21),
                    List.of(), List.of(), List.of(staffNamed("unit")), "", List.of(staffNamed("workteam"))), scope);
        inspections.saveChecks(id, 0, Map.of("IR-BODY-CAMERA", "FAIL", "PD-FEE-LIST", "PASS"),
                Map.of("IR-BODY-CAMERA", "camera off"), scope);
        assertThat(inspections.get(id, scope).status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThatThrownBy(() -> inspections.addFinding(id,
                new FindingForm("IR-BODY-CAMERA", ProblemCategory.ROUGH, "", "x", "y", LocalDate.of(2026, 11, 21), 1L),
                scope))
            .isInstanceOf(BusinessRuleViolation.class);
        inspections.addFinding(id,
                new FindingForm("IR-BODY-CAMERA", ProblemCategory.IRREGULAR, "Li Ming",
                        "camera switched off during the stop", "photo 3, recording 2026-11-21 10:14",
                        LocalDate.of(2026, 11, 21), 1L),
                scope);
        Inspection after = inspections.get(id, scope);
        assertThat(after.checks().get("IR-BODY-CAMERA").note()).isEqualTo("camera off");
        assertThat(after.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).contains("photo 3"));
        // A stale version is refused.
        assertThatThrownBy(() -> inspections.saveChecks(id, 0, Map.of(), Map.of(), scope))
            .isInstanceOf(org.duban.shared.StaleEditException.class);
        inspections.close(id, after.version(), "", scope);
        assertThatThrownBy(() -> inspections.saveChecks(id, after.version() + 1, Map.of(), Map.of(), scope))
            .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    @WithUserDetails(value = "workteam",
            setupBefore = org.springframework.security.test.context.support.TestExecutionEvent.TEST_EXECUTION)
    void aDrawBecomesARandomCheckWithItsTargetsAndInspectors() {
        var scope = units.currentScope();
        UUID bureau = units.findByCode("OTOGQ").orElseThrow().id();
        UUID drawId = draws.commit(new DrawForm("stations", campaign(), DrawForm.TargetType.STATION, bureau, null,
                bureau, 2, 1, DrawForm.SeedMode.COMMITTED, null), scope);
        assertThatThrownBy(() -> inspections.createFromDraw(drawId, null, null, scope))
            .isInstanceOf(BusinessRuleViolation.class);
        Selection selection = draws.draw(drawId, 0, null, scope);
        UUID id = inspections.createFromDraw(drawId, null, null, scope);
        Inspection inspection = inspections.get(id, scope);
        assertThat(inspection.type()).isEqualTo(InspectionType.RANDOM);
        assertThat(inspection.drawId()).isEqualTo(drawId);
        assertThat(inspection.targets()).extracting(Inspection.Target::label)
            .containsExactlyElementsOf(selection.picks().stream().map(p -> p.target().label()).toList());
        assertThat(inspection.inspectors()).extracting(i -> i.staffId().toString())
            .containsExactlyInAnyOrderElementsOf(selection.picks()
                .stream()
                .flatMap(p -> p.inspectors().stream().map(SnapshotRow::subjectId))
                .distinct()
                .toList());
    }

    @Test
    void aPublishedDrawIsOnThePublicPortalWithItsSnapshotAndAnUnpublishedOneIsNot() throws Exception {
        var workteam = users.loadUserByUsername("workteam");
        String location = mvc
            .perform(post("/draws").with(csrf())
                .with(user(workteam))
                .param("title", "public squads")
                .param("targetType", "UNIT")
                .param("targetRootUnitId", units.findByCode("OTOGQ").orElseThrow().id().toString())
                .param("unitKind", UnitKind.SQUAD.name())
                .param("poolRootUnitId", units.findByCode("OTOGQ").orElseThrow().id().toString())
                .param("targetCount", "1")
                .param("inspectorsPerTarget", "1")
                .param("seedMode", "COMMITTED"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        UUID publicId = jdbc.sql("select public_id from random_draw where id = :id")
            .param("id", id)
            .query(UUID.class)
            .single();
        assertThat(publicId).isNotEqualTo(id);
        mvc.perform(get("/public/draws/" + publicId)).andExpect(status().isNotFound());
        mvc.perform(post("/draws/" + id + "/publish").with(csrf()).with(user(workteam)).param("version", "0"))
            .andExpect(status().is3xxRedirection());
        String hash = jdbc.sql("select snapshot_hash from random_draw where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        mvc.perform(get("/public/draws/" + publicId))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(hash)));
        byte[] csv = mvc.perform(get("/public/draws/" + publicId + "/snapshot.csv"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        assertThat(Canonical.sha256Hex(csv)).isEqualTo(hash);
        mvc.perform(post("/draws/" + id + "/draw").with(csrf()).with(user(workteam)).param("version", "1"))
            .andExpect(status().is3xxRedirection());
        String seed = jdbc.sql("select seed from random_draw where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        mvc.perform(get("/public/draws/" + publicId + "/verify"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(seed)))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("alert alert-success")));
        mvc.perform(post("/public/draws/verify").with(csrf())
            .param("snapshot", new String(csv, java.nio.charset.StandardCharsets.UTF_8))
            .param("seed", seed)
            .param("snapshotHash", "0".repeat(64))
            .param("targetCount", "1"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("alert-danger")));
        mvc.perform(post("/public/draws/verify").with(csrf()).param("snapshot", "garbage").param("seed", seed))
            .andExpect(status().isOk());
    }

    @Test
    void aFindingBecomesALedgerProblemLinkedBothWays() throws Exception {
        var workteam = users.loadUserByUsername("workteam");
        UUID id = planUnannouncedVisit();
        mvc.perform(post("/inspections/" + id + "/findings").with(csrf())
            .with(user(workteam))
            .param("itemCode", "RG-UNLOAD-FIRST")
            .param("category", "RIGID")
            .param("targetLabel", "case 12")
            .param("description", "released without unloading")
            .param("evidence", "weigh ticket 0457")
            .param("foundOn", "2026-11-20")
            .param("version", "0")).andExpect(status().is3xxRedirection());
        UUID finding = jdbc.sql("select id from inspection_finding where inspection_id = :id")
            .param("id", id)
            .query(UUID.class)
            .single();
        mvc.perform(post("/inspections/" + id + "/findings/" + finding + "/problem").with(csrf()).with(user(workteam)))
            .andExpect(status().is3xxRedirection());
        Map<String, Object> problem = jdbc.sql("""
                select p.id, p.source, p.source_ref, p.category, p.unit_id, p.confidential, p.campaign_id
                from problem p join inspection_finding f on f.problem_id = p.id where f.id = :f
                """).param("f", finding).query().singleRow();
        assertThat(problem.get("source")).isEqualTo("UNANNOUNCED_VISIT");
        assertThat(problem.get("source_ref")).isEqualTo(finding.toString());
        assertThat(problem.get("category")).isEqualTo("RIGID");
        assertThat(problem.get("unit_id")).isEqualTo(squad1());
        assertThat(problem.get("confidential")).isEqualTo(true);
        assertThat(problem.get("campaign_id")).isEqualTo(campaign());
        mvc.perform(get("/inspections/" + id).with(user(workteam)))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("/problems/" + problem.get("id"))));
        // ... and the problem page links back to the inspection
        mvc.perform(get("/problems/" + problem.get("id")).with(user(workteam)))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/inspections/" + id + "\"")));
        // A second registration of the same finding is refused; the ledger keeps exactly
        // one problem.
        mvc.perform(post("/inspections/" + id + "/findings/" + finding + "/problem").with(csrf()).with(user(workteam)))
            .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from problem where source_ref = :f")
            .param("f", finding.toString())
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aUserOutsideTheOwningUnitsScopeGets404() {
        assertThatThrownBy(
                () -> inspections.get(UUID.randomUUID(), new org.duban.organization.DataScope(java.util.Set.of(), "/")))
            .isInstanceOf(NotFoundException.class);
    }

}

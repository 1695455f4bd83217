package org.duban.organization;

import org.duban.support.DubanTest;
import org.duban.support.WithAdmin;
import org.duban.support.WithAuditor;
import org.duban.support.WithLeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administration pages; each test rolls back what it changed, so the shared
 * demonstration data stays put.
 */
@DubanTest
@Transactional
class OrganizationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgUnits units;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Roles roles;

    UUID unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    @Test
    @WithAdmin
    void theUnitTreeIsListedInTreeOrderIndentedByDepth() throws Exception {
        String page = mvc.perform(get("/admin/units"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("鄂尔多斯市交通运输局", "tree-indent-1", "tree-indent-3");
        assertThat(page.indexOf("旗交通运输综合行政执法大队")).isLessThan(page.indexOf("执法大队一中队"));
        assertThat(page.indexOf("执法大队一中队")).isLessThan(page.indexOf("旗农村牧区公路养护中心"));
    }

    @Test
    @WithAdmin
    void anAdministratorCreatesAChildUnitAndItIsAudited() throws Exception {
        UUID brigade = unit("OTOGQ-BRIGADE");
        mvc.perform(post("/admin/units").with(csrf())
            .param("parentId", brigade.toString())
            .param("code", "OTOGQ-SQUAD-3")
            .param("name", "执法大队三中队")
            .param("kind", "SQUAD")
            .param("sort", "4")).andExpect(redirectedUrl("/admin/units"));
        OrgUnit created = units.findByCode("OTOGQ-SQUAD-3").orElseThrow();
        assertThat(created.parentId()).isEqualTo(brigade);
        // One level below the brigade, wherever the brigade sits in the tree (the
        // demonstration's root is the province since it got one).
        assertThat(created.depth()).isEqualTo(units.find(brigade).orElseThrow().depth() + 1);
        assertThat(jdbc
            .sql("select count(*) from audit_log where action = 'organization.unit.created' and object_id = :id")
            .param("id", created.id().toString())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    @WithAdmin
    void aTakenUnitCodeIsShownAtTheCodeField() throws Exception {
        mvc.perform(post("/admin/units").with(csrf())
            .param("parentId", unit("OTOGQ").toString())
            .param("code", "OTOGQ-OFFICE")
            .param("name", "x")
            .param("kind", "OFFICE")
            .param("sort", "1"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("已被使用")))
            .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    @WithAdmin
    void editingAUnitWithAnOldVersionIsRefusedAndNamesWhoChangedIt() throws Exception {
        OrgUnit squad = units.findByCode("OTOGQ-SQUAD-2").orElseThrow();
        mvc.perform(post("/admin/units/" + squad.id()).with(csrf())
            .param("name", "执法大队第二中队")
            .param("kind", "SQUAD")
            .param("sort", "3")
            .param("version", String.valueOf(squad.version()))).andExpect(redirectedUrl("/admin/units"));
        assertThat(units.find(squad.id()).orElseThrow().name()).isEqualTo("执法大队第二中队");
        mvc.perform(post("/admin/units/" + squad.id()).with(csrf())
            .param("name", "overwritten")
            .param("kind", "SQUAD")
            .param("sort", "3")
            .param("version", String.valueOf(squad.version())))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("最后修改人：admin")));
        assertThat(units.find(squad.id()).orElseThrow().name()).isEqualTo("执法大队第二中队");
    }

    @Test
    @WithLeader
    void theStaffListFiltersByTextAndUnitWithinTheScope() throws Exception {
        mvc.perform(get("/admin/staff").param("q", "康占"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("康占锋")))
            .andExpect(content().string(not(containsString("阿荣娜"))));
        mvc.perform(get("/admin/staff").param("unit", unit("OTOGQ-BRIGADE").toString()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("康占锋")))
            .andExpect(content().string(not(containsString("阿荣娜"))));
        // A unit of another county is outside the leader's scope: not found, not
        // forbidden.
        mvc.perform(get("/admin/staff").param("unit", unit("OTOG-SQUAD-1").toString()))
            .andExpect(status().isNotFound());
    }

    @Test
    @WithAdmin
    void anAdministratorCreatesAStaffMemberWithRoles() throws Exception {
        mvc.perform(post("/admin/staff").with(csrf())
            .param("unitId", unit("OTOGQ-SQUAD-2").toString())
            .param("name", "王五")
            .param("title", "执法队员")
            .param("phone", "138 0000 0001")
            .param("email", "wangwu@example.org")
            .param("login", "wangwu")
            .param("password", "Long-enough-pass-7")
            .param("enabled", "true")
            .param("roles", "UNIT_STAFF")).andExpect(redirectedUrl("/admin/staff"));
        Staff created = staff.findByLogin("wangwu").orElseThrow();
        assertThat(created.roles()).containsExactly("UNIT_STAFF");
        assertThat(created.enabled()).isTrue();
        assertThat(created.email()).isEqualTo("wangwu@example.org");
        assertThat(staff.emailOf(created.id())).contains("wangwu@example.org");
    }

    @Test
    @WithAdmin
    void aTakenLoginIsShownAtTheLoginField() throws Exception {
        String page = mvc
            .perform(post("/admin/staff").with(csrf())
                .param("unitId", unit("OTOGQ-SQUAD-2").toString())
                .param("name", "重名")
                .param("login", "leader")
                .param("password", "Long-enough-pass-7")
                .param("enabled", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("用户名“leader”已被使用").doesNotContain("Long-enough-pass-7");
        assertThat(page).containsPattern("id=\"login\"[^>]*is-invalid|is-invalid[^>]*id=\"login\"");
    }

    @Test
    @WithAdmin
    void aWeakPasswordIsShownAtThePasswordField() throws Exception {
        String page = mvc
            .perform(post("/admin/staff").with(csrf())
                .param("unitId", unit("OTOGQ-SQUAD-2").toString())
                .param("name", "弱密码")
                .param("login", "weakpass")
                .param("password", "short")
                .param("enabled", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("密码至少需要10个字符");
        assertThat(page).containsPattern("id=\"password\"[^>]*is-invalid|is-invalid[^>]*id=\"password\"");
        assertThat(staff.findByLogin("weakpass")).isEmpty();
    }

    @Test
    @WithAdmin
    void aBadEmailAddressIsShownOnTheForm() throws Exception {
        String page = mvc
            .perform(post("/admin/staff").with(csrf())
                .param("unitId", unit("OTOGQ-SQUAD-2").toString())
                .param("name", "坏邮箱")
                .param("email", "not an address")
                .param("enabled", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("请填写有效的电子邮箱地址");
        assertThat(page).containsPattern("id=\"email\"[^>]*is-invalid|is-invalid[^>]*id=\"email\"");
    }

    @Test
    @WithAdmin
    void anAdministratorEditsAStaffMemberAndResetsThePassword() throws Exception {
        Staff unitStaff = staff.findByLogin("unit").orElseThrow();
        String oldHash = jdbc.sql("select password_hash from staff where id = :id")
            .param("id", unitStaff.id())
            .query(String.class)
            .single();
        mvc.perform(post("/admin/staff/" + unitStaff.id()).with(csrf())
            .param("unitId", unitStaff.unitId().toString())
            .param("name", unitStaff.name())
            .param("title", "新职务")
            .param("phone", "")
            .param("login", "unit")
            .param("password", "A-new-password-99")
            .param("enabled", "true")
            .param("roles", "UNIT_STAFF")
            .param("version", String.valueOf(unitStaff.version()))).andExpect(redirectedUrl("/admin/staff"));
        assertThat(staff.find(unitStaff.id()).orElseThrow().title()).isEqualTo("新职务");
        assertThat(jdbc.sql("select password_hash from staff where id = :id")
            .param("id", unitStaff.id())
            .query(String.class)
            .single()).isNotEqualTo(oldHash);
    }

    @Test
    @WithAuditor
    void theAuditorReadsRolesWithScopesAndPermissionsButCannotEdit() throws Exception {
        mvc.perform(get("/admin/roles"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("纪检审计")))
            .andExpect(content().string(containsString("所属局及下级")))
            .andExpect(content().string(containsString("title=\"audit:log:verify\">核验日志链</span>")))
            .andExpect(content().string(not(containsString("/admin/roles/AUDITOR/edit"))));
        mvc.perform(post("/admin/roles/UNIT_STAFF").with(csrf()).param("scope", "ALL").param("version", "0"))
            .andExpect(status().isForbidden());
    }

    @Test
    @WithAdmin
    void anAdministratorChangesARolesScopeAndPermissions() throws Exception {
        Role before = roles.get("SUPERIOR");
        mvc.perform(post("/admin/roles/SUPERIOR").with(csrf())
            .param("scope", "ALL")
            .param("permissions", "campaign:campaign:read", "organization:unit:read", "organization:staff:read")
            .param("version", String.valueOf(before.version()))).andExpect(redirectedUrl("/admin/roles"));
        Role after = roles.get("SUPERIOR");
        assertThat(after.scope().name()).isEqualTo("ALL");
        assertThat(after.permissions()).containsExactly("campaign:campaign:read", "organization:staff:read",
                "organization:unit:read");
        assertThat(jdbc
            .sql("select count(*) from audit_log where action = 'organization.role.updated' and object_id = 'SUPERIOR'")
            .query(Long.class)
            .single()).isEqualTo(1);
        // The same edit on the old version is refused.
        mvc.perform(post("/admin/roles/SUPERIOR").with(csrf())
            .param("scope", "OWN_UNIT")
            .param("version", String.valueOf(before.version()))).andExpect(status().isConflict());
    }

    @Test
    @WithAdmin
    void theAuditorRoleCannotBeGivenAWrite() throws Exception {
        Role auditor = roles.get("AUDITOR");
        mvc.perform(post("/admin/roles/AUDITOR").with(csrf())
            .param("scope", "BUREAU")
            .param("permissions", "audit:log:read", "organization:staff:write")
            .param("version", String.valueOf(auditor.version())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("只能拥有只读权限，不能授予“管理人员”")));
        assertThat(roles.get("AUDITOR").permissions()).doesNotContain("organization:staff:write");
    }

    @Test
    @WithAdmin
    void theAdministratorRoleKeepsRoleManagement() throws Exception {
        Role admin = roles.get("ADMIN");
        mvc.perform(post("/admin/roles/ADMIN").with(csrf())
            .param("scope", "ALL")
            .param("permissions", "audit:log:read")
            .param("version", String.valueOf(admin.version())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("必须保留“编辑角色权限”")));
        assertThat(roles.get("ADMIN").permissions()).contains("organization:role:write");
    }

    @Test
    @WithAdmin
    void malformedFormInputIsABadRequestOrAFormErrorNeverAServerError() throws Exception {
        UUID squad = unit("OTOGQ-SQUAD-2");
        Staff unitStaff = staff.findByLogin("unit").orElseThrow();
        var requests = java.util.List.of(
                post("/admin/staff").with(csrf()).param("unitId", "not-a-uuid").param("name", "x"),
                post("/admin/staff/" + unitStaff.id()).with(csrf())
                    .param("unitId", squad.toString())
                    .param("name", "x")
                    .param("version", "abc"),
                post("/admin/units").with(csrf())
                    .param("parentId", squad.toString())
                    .param("code", "X1")
                    .param("name", "x")
                    .param("kind", "PALACE")
                    .param("sort", "1"),
                post("/admin/units/" + squad).with(csrf())
                    .param("name", "x")
                    .param("kind", "SQUAD")
                    .param("sort", "many"),
                post("/admin/roles/UNIT_STAFF").with(csrf()).param("scope", "GALAXY").param("version", "0"),
                post("/admin/staff").with(csrf())
                    .param("unitId", squad.toString())
                    .param("name", "x".repeat(51))
                    .param("login", "bad login!")
                    .param("phone", "<script>"));
        for (var request : requests) {
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            assertThat(status).isIn(200, 400);
        }
        assertThat(units.findByCode("X1")).isEmpty();
        assertThat(roles.get("UNIT_STAFF").scope().name()).isEqualTo("OWN_UNIT");
    }

    @Test
    @WithAdmin
    void navigationShowsTheAdministrationPages() throws Exception {
        mvc.perform(get("/"))
            .andExpect(content().string(containsString("href=\"/admin/units\"")))
            .andExpect(content().string(containsString("href=\"/admin/staff\"")))
            .andExpect(content().string(containsString("href=\"/admin/roles\"")))
            .andExpect(content().string(containsString("href=\"/audit\"")));
    }

}

package org.duban.reporting;

import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's campaign and bureau selectors at each level (county, city, province):
 * what each level sees, and that every id in the request is checked against the user's
 * scope.
 */
@DubanTest
class DashboardLevelsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportFigures figures;

    @Autowired
    DashboardController dashboard;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    UUID bureau(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    /** The bureau's own campaign of 2023 (a county's is the child of the city's). */
    UUID campaignOf(String code) {
        return jdbc.sql("select id from campaign where owner_unit_id = :u order by starts_on limit 1")
            .param("u", bureau(code))
            .query(UUID.class)
            .single();
    }

    String page(String login, String url) throws Exception {
        return mvc.perform(get(url).with(as(login)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void aCountyChoosesItsOwnCampaignButNeverAnotherCountysOrItsBureau() throws Exception {
        String page = page("leader", "/dashboard?campaign=" + campaignOf("OTOGQ"));
        assertThat(page).contains("id=\"dashboard-selector\"", "id=\"handdowns-received\"")
            .doesNotContain("id=\"late-reports\"");
        mvc.perform(get("/dashboard").param("campaign", campaignOf("OTOG").toString()).with(as("leader")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").param("bureau", bureau("OTOG").toString()).with(as("leader")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/list").param("figure", "problemsFound")
            .param("campaign", campaignOf("OTOG").toString())
            .with(as("leader"))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").param("campaign", UUID.randomUUID().toString()).with(as("otog-leader")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").param("campaign", campaignOf("OTOGQ").toString()).with(as("otog-workteam")))
            .andExpect(status().isNotFound());
    }

    @Test
    void theCityChoosesItsCampaignAndSeesItsCountiesRankedWithLateReportsAndHandDowns() throws Exception {
        String page = page("city", "/dashboard?campaign=" + campaignOf("ORDOS"));
        assertThat(page).contains("鄂托克前旗交通运输局", "鄂托克旗交通运输局", "杭锦旗交通运输局", "id=\"late-reports\"",
                "id=\"handdowns-overdue\"", "id=\"handdowns-issued\"", "第1名",
                "/dashboard/list?figure=problemsFound&amp;unit=");
        // One county of the city: its figures alone, no counties below it.
        String county = page("city", "/dashboard?bureau=" + bureau("OTOG"));
        assertThat(county).doesNotContain("id=\"late-reports\"");
        // The province's bureau is above the city: outside its scope.
        mvc.perform(get("/dashboard").param("bureau", bureau("NMG").toString()).with(as("city")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/list").param("figure", "problemsFound")
            .param("unit", bureau("NMG").toString())
            .with(as("city"))).andExpect(status().isNotFound());
    }

    @Test
    void theProvinceSeesItsCityAndTheCountiesAndChoosesACity() throws Exception {
        String page = page("province", "/dashboard");
        assertThat(page).contains("id=\"city_bureau-county-figures\"", "id=\"county-figures\"", "鄂尔多斯市交通运输局",
                "鄂托克前旗交通运输局", "杭锦旗交通运输局", "id=\"handdowns-issued\"");
        // The city's column counts the city's own units and its counties' (summed).
        Map<String, Object> model = provinceModel();
        assertThat(found(model, 0, "ORDOS"))
            .isEqualTo(
                    figures
                        .compute(
                                units.all()
                                    .stream()
                                    .filter(units.findByCode("ORDOS").orElseThrow()::contains)
                                    .map(OrgUnit::id)
                                    .toArray(UUID[]::new),
                                DashboardController.FROM_START, LocalDate.now(), LocalDate.now())
                        .stream()
                        .filter(f -> f.key().equals("problemsFound"))
                        .findFirst()
                        .orElseThrow()
                        .value());
        String city = page("province", "/dashboard?bureau=" + bureau("ORDOS"));
        assertThat(city).contains("id=\"county-figures\"").doesNotContain("id=\"city_bureau-county-figures\"");
    }

    @Test
    @WithUserDetails(value = "city", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aCampaignCountsItsOwnRowsAndTheChildrenIssuedFromIt() {
        // The city's campaign reaches its counties' children; one county's campaign does
        // not reach another county's problems.
        Map<String, Object> family = dashboard.model(campaignOf("ORDOS"), bureau("ORDOS"));
        Map<String, Object> oneCounty = dashboard.model(campaignOf("OTOGQ"), bureau("ORDOS"));
        assertThat(found(family, "OTOG")).isPositive();
        assertThat(found(oneCounty, "OTOG")).isZero();
        // Other tests may add campaigns under the city's: the family counts at least as
        // many.
        assertThat(found(oneCounty, "OTOGQ")).isPositive().isLessThanOrEqualTo(found(family, "OTOGQ"));
    }

    Map<String, Object> provinceModel() {
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                users.loadUserByUsername("province"), null, users.loadUserByUsername("province").getAuthorities());
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var before = context.getAuthentication();
        context.setAuthentication(auth);
        try {
            return dashboard.model(null, null);
        }
        finally {
            context.setAuthentication(before);
        }
    }

    BigDecimal found(Map<String, Object> model, String county) {
        return found(model, 0, county);
    }

    @SuppressWarnings("unchecked")
    BigDecimal found(Map<String, Object> model, int level, String county) {
        List<DashboardController.Level> levels = (List<DashboardController.Level>) model.get("levels");
        return levels.get(level)
            .columns()
            .stream()
            .filter(c -> c.unit().code().equals(county))
            .findFirst()
            .orElseThrow()
            .figures()
            .stream()
            .filter(f -> f.key().equals("problemsFound"))
            .findFirst()
            .orElseThrow()
            .value();
    }

    @Test
    void theFiguresOfAllBureausAtOnceAreEachBureausOwnFigures() {
        LocalDate today = LocalDate.now();
        List<OrgUnit> counties = List.of("OTOGQ", "OTOG", "HANGJIN")
            .stream()
            .map(code -> units.findByCode(code).orElseThrow())
            .toList();
        List<UUID> memberUnits = new java.util.ArrayList<>();
        List<UUID> memberGroups = new java.util.ArrayList<>();
        for (OrgUnit county : counties) {
            for (OrgUnit u : units.all()) {
                if (county.contains(u)) {
                    memberUnits.add(u.id());
                    memberGroups.add(county.id());
                }
            }
        }
        ReportFigures.Span span = new ReportFigures.Span(DashboardController.FROM_START, today, today, null);
        ReportFigures.GroupFigures grouped = figures.computeByGroup(
                new ReportFigures.Members(memberUnits.toArray(UUID[]::new), memberGroups.toArray(UUID[]::new)), span);
        for (OrgUnit county : counties) {
            UUID[] below = units.all().stream().filter(county::contains).map(OrgUnit::id).toArray(UUID[]::new);
            assertThat(grouped.figures().get(county.id())).isEqualTo(figures.compute(below, span));
            assertThat(grouped.breakdowns().get(county.id()))
                .isEqualTo(figures.breakdowns(below, span.from(), span.to()));
        }
    }

}

package org.duban.reporting;

import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

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
 * The city's dashboard: its counties side by side, ranked on the goal indicators, with
 * their late reports.
 */
@DubanTest
class CityDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Reports reports;

    @Autowired
    OrgUnits units;

    static OrgUnit county(String code) {
        return new OrgUnit(UUID.randomUUID(), null, "/" + code + "/", code, code, UnitKind.COUNTY_BUREAU, 0, 0);
    }

    static DashboardController.Column column(OrgUnit unit, String rate, String overdue) {
        return new DashboardController.Column(unit,
                List.of(new Figure("satisfactionRate", rate == null ? null : new BigDecimal(rate), true, true),
                        new Figure("problemsOverdue", new BigDecimal(overdue), false, true)),
                List.of());
    }

    @Test
    void countiesAreRankedBestFirstWithTiesSharingAPlaceAndNoPlaceWithoutAValue() {
        OrgUnit a = county("A");
        OrgUnit b = county("B");
        OrgUnit c = county("C");
        OrgUnit d = county("D");
        Map<String, Map<UUID, Integer>> ranks = DashboardController.ranks(
                List.of(column(a, "90.0", "3"), column(b, "95.0", "0"), column(c, "90.0", "3"), column(d, null, "1")));
        assertThat(ranks.get("satisfactionRate")).containsEntry(b.id(), 1)
            .containsEntry(a.id(), 2)
            .containsEntry(c.id(), 2)
            .doesNotContainKey(d.id());
        // Fewer overdue problems is better.
        assertThat(ranks.get("problemsOverdue")).containsEntry(b.id(), 1)
            .containsEntry(d.id(), 2)
            .containsEntry(a.id(), 3)
            .containsEntry(c.id(), 3);
    }

    @Test
    void aMonthlyReportNotArrivedByTheEndOfTheFollowingMonthIsLate() {
        LocalDate today = LocalDate.now();
        // 鄂托克前旗 sent every month on the 3rd of the next; 鄂托克旗's October report is
        // approved but not sent;
        // 杭锦旗's August report was returned but had arrived in time, its October report is
        // still a draft.
        assertThat(reports.lateMonthlyReports(units.findByCode("OTOGQ").orElseThrow(), today)).isZero();
        assertThat(reports.lateMonthlyReports(units.findByCode("OTOG").orElseThrow(), today)).isEqualTo(1);
        assertThat(reports.lateMonthlyReports(units.findByCode("HANGJIN").orElseThrow(), today)).isEqualTo(1);
        // In early November 2023 nothing was late yet: October's report was due by the
        // end of November.
        assertThat(reports.lateMonthlyReports(units.findByCode("OTOG").orElseThrow(), LocalDate.of(2023, 11, 15)))
            .isZero();
    }

    @Test
    void theCitySeesItsCountiesSideBySideWithRanksAndLateReports() throws Exception {
        String page = mvc.perform(get("/dashboard").with(user(users.loadUserByUsername("city"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("鄂托克前旗交通运输局", "鄂托克旗交通运输局", "杭锦旗交通运输局", "id=\"late-reports\"", "第1名");
    }

}

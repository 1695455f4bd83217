package org.duban.reporting;

import org.duban.support.DubanTest;
import org.duban.support.WithUnitStaff;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 学习教育 on the dashboard: each unit's attendance of the held training sessions, within the
 * viewer's scope, as the attendance records give it.
 */
@DubanTest
class DashboardAttendanceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithWorkTeamMember
    void theWorkTeamSeesTheAttendanceRateOfEachUnit() throws Exception {
        String page = dashboard();
        String table = page.substring(page.indexOf("id=\"dashboard-attendance\""));
        table = table.substring(0, table.indexOf("</table>"));
        List<Map<String, Object>> units = attendanceBy("OTOGQ-SQUAD-1", "OTOGQ-SQUAD-2");
        assertThat(units).hasSize(2);
        for (Map<String, Object> unit : units) {
            long expected = (Long) unit.get("expected");
            long present = (Long) unit.get("present");
            double rate = Math.round(present * 1000.0 / expected) / 10.0;
            assertThat(table).containsPattern("<th scope=\"row\">" + unit.get("name") + "</th>\\s*<td>" + expected
                    + "</td>\\s*<td>" + present + "</td>\\s*<td>" + rate + "%</td>");
        }
    }

    @Test
    @WithUnitStaff
    void aUnitSeesOnlyItsOwn() throws Exception {
        String page = dashboard();
        String own = (String) attendanceBy("OTOGQ-SQUAD-1").get(0).get("name");
        String other = (String) attendanceBy("OTOGQ-SQUAD-2").get(0).get("name");
        String table = page.substring(page.indexOf("id=\"dashboard-attendance\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains(own).doesNotContain(other);
    }

    private String dashboard() throws Exception {
        return mvc.perform(get("/dashboard")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Straight from the attendance records of held sessions, not through the service. */
    private List<Map<String, Object>> attendanceBy(String... unitCodes) {
        return jdbc.sql("""
                select o.name, count(*) as expected, count(*) filter (where a.present) as present
                from training_attendance a
                join training_session t on t.id = a.session_id and t.status = 'HELD'
                join org_unit o on o.id = a.unit_id
                where o.code in (:codes)
                group by o.name, o.code order by o.code
                """).param("codes", List.of(unitCodes)).query().listOfRows();
    }

}

package org.duban.handdown;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demonstration: the city handed tasks and clues to its three counties in 2023, one
 * at each stage, every step dated in 2023 and every report with its evidence.
 */
@DubanTest
class HandDownDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    static final String DEMO = """
            from hand_down h join org_unit f on f.id = h.from_unit_id
            where f.code = 'ORDOS' and h.created_by in ('city', 'city-workteam') and h.issued_on < date '2024-01-01'
            """;

    @Test
    void theCityHandedItemsToEachCountyAtEveryStage() {
        Map<String, Integer> byStatus = jdbc.sql("select h.status, count(*) " + DEMO + " group by h.status")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus).containsEntry("ISSUED", 1)
            .containsEntry("REPORTED", 1)
            .containsEntry("RETURNED", 1)
            .containsEntry("ACCEPTED", 3);
        assertThat(jdbc.sql("select count(distinct h.to_unit_id) " + DEMO).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) " + DEMO + " and h.status = 'ACCEPTED' and h.returns = 1")
            .query(Integer.class)
            .single()).as("accepted after one return").isEqualTo(1);
    }

    @Test
    void everyStepIsIn2023AndEveryReportHasEvidence() {
        assertThat(jdbc
            .sql("select count(*) from hand_down_step s join hand_down h on h.id = s.hand_down_id "
                    + DEMO.substring(DEMO.indexOf("join org_unit")) + " and extract(year from s.at) <> 2023")
            .query(Integer.class)
            .single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from hand_down_step s
                where s.action = 'REPORT' and not exists (select 1 from hand_down_file f where f.step_id = s.id)
                """).query(Integer.class).single()).isZero();
    }

}

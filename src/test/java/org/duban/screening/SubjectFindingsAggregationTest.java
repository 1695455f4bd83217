package org.duban.screening;

import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subject found by a rule in several groups becomes one finding: the highest severity
 * of its groups, every case of every group, and an explanation naming each group's
 * figures (issue 16). One case per subject rule, with the groups each rule actually
 * produces (an officer per violation and circumstance, a vehicle per officer, a unit per
 * facts text, a unit by share and by fines).
 */
@DubanTest
class SubjectFindingsAggregationTest {

    @Autowired
    Screening screening;

    @Autowired
    Findings findings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MockMvc mvc;

    UUID run;

    @BeforeEach
    void emptyRun() {
        ScreeningTestData.clear(jdbc);
        run = UUID.randomUUID();
        jdbc.sql(
                "insert into screening_run (id, started_by, trigger, started_at, status) values (:id, 't', 'COMMAND', now(), 'DONE')")
            .param("id", run)
            .update();
    }

    /**
     * rule, category, subject type, subject, and two groups: severity, key, args, case
     * ids.
     */
    static Stream<Arguments> subjectRules() {
        return Stream.of(
                Arguments
                    .of("DISPARATE_PENALTIES", "IRREGULAR", "OFFICER", "150627001044", List.of(
                            group("MEDIUM", "screening.explain.DISPARATE_PENALTIES.high",
                                    new String[] { "150627001044", "未取得道路运输经营许可", "GENERAL", "31", "9200", "6500",
                                            "4.6", "24" },
                                    1, 2, 3),
                            group("HIGH", "screening.explain.DISPARATE_PENALTIES.low",
                                    new String[] { "150627001044", "车辆超限运输", "SERIOUS", "18", "700", "1500", "6.3",
                                            "24" },
                                    3, 4))),
                Arguments.of("FAVOURED_PARTY", "RENT_SEEKING", "VEHICLE", "蒙K12345",
                        List.of(group("MEDIUM", "screening.explain.FAVOURED_PARTY.VEHICLE",
                                new String[] { "150627001060", "蒙K12345", "5", "35", "50" }, 10, 11),
                                group("HIGH", "screening.explain.FAVOURED_PARTY.VEHICLE",
                                        new String[] { "150627001061", "蒙K12345", "6", "20", "50" }, 10, 11, 12))),
                Arguments.of("IDENTICAL_FACTS", "RIGID", "UNIT", "执法大队二中队",
                        List.of(group("MEDIUM", "screening.explain.IDENTICAL_FACTS",
                                new String[] { "执法大队二中队", "12", "9", "经查，该车辆超限运输" }, 20, 21),
                                group("MEDIUM", "screening.explain.IDENTICAL_FACTS",
                                        new String[] { "执法大队二中队", "15", "11", "经查，当事人未取得许可" }, 22, 23))),
                Arguments.of("SELECTIVE_TARGETING", "PROFIT_DRIVEN", "UNIT", "执法大队四中队",
                        List.of(group("HIGH", "screening.explain.SELECTIVE_TARGETING",
                                new String[] { "执法大队四中队", "800", "420", "52.5", "20.1", "7.9", "8" }, 30, 31),
                                group("MEDIUM", "screening.explain.SELECTIVE_TARGETING.fines",
                                        new String[] { "执法大队四中队", "420", "160", "100", "4.4", "8" }, 31, 32))),
                Arguments.of("MONTH_END_SPIKE", "PROFIT_DRIVEN", "OFFICER", "150627001002", List.of(
                        group("HIGH", "screening.explain.MONTH_END_SPIKE.OFFICER",
                                new String[] { "150627001002", "300", "120", "40.0", "10.0", "8.2", "3", "40" }, 40),
                        group("MEDIUM", "screening.explain.MONTH_END_SPIKE.OFFICER",
                                new String[] { "150627001002", "300", "90", "30.0", "10.0", "5.1", "3", "40" }, 41))));
    }

    record Group(String severity, String key, String[] args, Long[] cases) {
    }

    static Group group(String severity, String key, String[] args, long... cases) {
        return new Group(severity, key, args, java.util.Arrays.stream(cases).boxed().toArray(Long[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjectRules")
    void aSubjectFoundInSeveralGroupsIsOneFindingWithEachGroupsFigures(String rule, String category, String type,
            String subject, List<Group> groups) {
        for (Group g : groups) {
            insert(rule, category, type, subject, g);
        }
        insert(rule, category, type, "someone else", groups.get(0));
        insert("RIGHTS_NOT_NOTIFIED", "ROUGH", "CASE", "X-1",
                group("MEDIUM", "screening.explain.RIGHTS_NOT_NOTIFIED", new String[] { "X-1", "600" }, 50));
        insert("RIGHTS_NOT_NOTIFIED", "ROUGH", "CASE", "X-1",
                group("MEDIUM", "screening.explain.RIGHTS_NOT_NOTIFIED", new String[] { "X-1", "600" }, 50));

        Integer merged = tx.execute(s -> screening.aggregateSubjects(run));
        assertThat(merged).isEqualTo(1);

        List<Findings.Finding> rows = jdbc
            .sql("select f.*, cardinality(f.case_ids) as case_count from screening_finding f "
                    + "where run_id = :run and subject_id = :s")
            .param("run", run)
            .param("s", subject)
            .query(Findings::map)
            .list();
        assertThat(rows).hasSize(1);
        Findings.Finding f = rows.get(0);
        String highest = groups.stream().anyMatch(g -> g.severity().equals("HIGH")) ? "HIGH" : "MEDIUM";
        assertThat(f.severity()).isEqualTo(highest);
        assertThat(f.caseIds())
            .containsExactlyElementsOf(groups.stream().flatMap(g -> Stream.of(g.cases())).distinct().sorted().toList());
        assertThat(f.groups()).hasSize(groups.size());
        assertThat(f.groups().get(0).severity()).isEqualTo(highest);
        assertThat(f.groups()).extracting(Findings.Group::caseCount)
            .containsExactlyInAnyOrderElementsOf(groups.stream().map(g -> g.cases().length).toList());
        assertThat(f.officer() != null).isEqualTo(type.equals("OFFICER") || rule.equals("FAVOURED_PARTY"));

        String zh = findings.explain(f, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).startsWith("该对象在" + groups.size() + "组中异常：");
        for (Group g : groups) {
            // Each group's own figures appear in the one explanation.
            assertThat(zh).contains(g.args()[1]).contains(g.args()[g.args().length - 2]);
        }
        assertThat(findings.explainGroups(f, Locale.ENGLISH)).hasSize(groups.size());

        // A subject of one group, and case findings, are left as they were.
        assertThat(jdbc.sql(
                "select count(*) from screening_finding where run_id = :run and subject_id = 'someone else' and groups is null")
            .param("run", run)
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from screening_finding where run_id = :run and subject_type = 'CASE'")
            .param("run", run)
            .query(Long.class)
            .single()).isEqualTo(2);
    }

    @Test
    @WithWorkTeamMember
    void theFindingsPageListsTheSubjectOnceAndItsPageShowsEachGroup() throws Exception {
        Arguments disparate = subjectRules().findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Group> groups = (List<Group>) disparate.get()[4];
        for (Group g : groups) {
            insert("DISPARATE_PENALTIES", "IRREGULAR", "OFFICER", "150627001044", g);
        }
        tx.executeWithoutResult(s -> screening.aggregateSubjects(run));
        UUID id = jdbc.sql("select id from screening_finding where run_id = :run")
            .param("run", run)
            .query(UUID.class)
            .single();

        mvc.perform(get("/screening/findings"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("/screening/findings/" + id)))
            .andExpect(content().string(containsString("该对象在2组中异常")));
        mvc.perform(get("/screening/findings/" + id))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"finding-groups\"")))
            .andExpect(content().string(containsString("平均罚款9200元")))
            .andExpect(content().string(containsString("平均罚款700元")))
            .andExpect(content().string(containsString("3件案件")));
    }

    private void insert(String rule, String category, String type, String subject, Group g) {
        jdbc.sql(
                """
                        insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity, case_ids,
                                                       explain_key, args, unit_id, officer, period)
                        values (:run, :rule, :category, :type, :subject, :severity, :cases, :key, :args, null, :officer, date '2023-05-01')
                        """)
            .param("run", run)
            .param("rule", rule)
            .param("category", category)
            .param("type", type)
            .param("subject", subject)
            .param("severity", g.severity())
            .param("cases", g.cases())
            .param("key", g.key())
            .param("args", g.args())
            .param("officer", type.equals("OFFICER") ? subject : rule.equals("FAVOURED_PARTY") ? g.args()[0] : null)
            .update();
    }

}

package org.duban.screening;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a run go side by side on several connections
 * (docs/adr/0214-screening-rules-side-by-side.md): the run is all or nothing as when it
 * was one transaction, and the rules that group every case start first.
 */
@DubanTest
class ScreeningRunTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @Autowired
    Screening screening;

    /** The benchmark and one case that a rule finds (rights not notified). */
    private void oneCase() throws Exception {
        ScreeningTestData.clear(jdbc);
        ScreeningTestData.benchmark(imports);
        String csv = ScreeningPagesTest.HEADER + ScreeningPagesTest.GOOD;
        imports.importCases(imports.start("CASES", "cases.csv", csv.length(), "test"),
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), false);
    }

    @Test
    void aRunWhoseRuleFailsIsMarkedFailedWithoutAFindingAndThePagesKeepThePreviousRun() throws Exception {
        oneCase();
        UUID before = screening.run(Screening.Trigger.COMMAND, "test", null).id();
        jdbc.sql("insert into screening_rule (code, category, subject, enabled, sort) "
                + "values ('BROKEN_FOR_TEST', 'IRREGULAR', 'CASE', true, 999)")
            .update();
        // Fails after the other rules of its connection have written their findings.
        ScreeningRules.SQL.put("BROKEN_FOR_TEST",
                List.of("do $$ begin perform pg_sleep(0.2); raise exception 'broken for the test'; end $$"));
        try {
            assertThatThrownBy(() -> screening.run(Screening.Trigger.COMMAND, "test", null))
                .hasMessageContaining("broken for the test");
        }
        finally {
            ScreeningRules.SQL.remove("BROKEN_FOR_TEST");
            jdbc.sql("delete from screening_rule where code = 'BROKEN_FOR_TEST'").update();
        }
        Map<String, Object> failed = jdbc
            .sql("select id, status, finished_at from screening_run where started_at = "
                    + "(select max(started_at) from screening_run)")
            .query()
            .singleRow();
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("finished_at")).isNotNull();
        assertThat(jdbc.sql("select case_count || ' ' || decided_from from screening_run where id = :id")
            .param("id", failed.get("id"))
            .query(String.class)
            .single()).as("a failed run still says what it ran on (its name in the log)").isEqualTo("1 2023-05-06");
        assertThat(jdbc.sql("select count(*) from screening_finding where run_id = :id")
            .param("id", failed.get("id"))
            .query(Long.class)
            .single()).isZero();
        assertThat(jdbc.sql("select id from screening_run where status = 'DONE' order by started_at desc limit 1")
            .query(UUID.class)
            .single()).isEqualTo(before);
        // The lock was given back: the next run goes ahead.
        assertThat(screening.run(Screening.Trigger.COMMAND, "test", null).findingCount()).isPositive();
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aRunStartedInsideATransactionCommitsItsOwnRunRowBeforeTheRulesWriteFindings() throws Exception {
        oneCase();
        Screening.RunResult run = transactions
            .execute(status -> screening.run(Screening.Trigger.COMMAND, "test", null));
        assertThat(run.findingCount()).isPositive();
        assertThat(jdbc.sql("select status from screening_run where id = :id")
            .param("id", run.id())
            .query(String.class)
            .single()).isEqualTo("DONE");
    }

    @Test
    void theRulesThatGroupEveryCaseStartFirst() {
        List<ScreeningSettings.Rule> rules = List.of(new ScreeningSettings.Rule("A", "X", "CASE", true, 0),
                new ScreeningSettings.Rule("B", "X", "OFFICER", true, 0),
                new ScreeningSettings.Rule("C", "X", "CASE", true, 0),
                new ScreeningSettings.Rule("D", "X", "UNIT", true, 0));
        assertThat(Screening.longestFirst(rules)).containsExactly("B", "D", "A", "C");
    }

}

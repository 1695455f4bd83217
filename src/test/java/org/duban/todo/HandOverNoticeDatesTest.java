package org.duban.todo;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0010: the hand-over notices the demonstration produces while it loads are dated at
 * the step they announce, in the campaign's 2023, not on the day of loading. A notice
 * whose step lies in 2023 is dated in 2023 (the steps of other tests are of today, so
 * their notices do not count).
 */
@DubanTest
class HandOverNoticeDatesTest {

    @Autowired
    JdbcClient jdbc;

    long count(String where) {
        return jdbc.sql(HandOverNoticeDates.STEPS + "select count(*) from step where " + where)
            .query(Long.class)
            .single();
    }

    @Test
    void noticesOfTheDemonstrationsStepsIn2023AreDatedIn2023() {
        String stepIn2023 = "extract(year from at at time zone 'Asia/Shanghai') = 2023";
        String datedIn2023 = "extract(year from created_at at time zone 'Asia/Shanghai') = 2023";
        assertThat(count(stepIn2023 + " and not " + datedIn2023)).as("notices of a 2023 step dated another year")
            .isZero();
        for (String kind : new String[] { "problems", "complaints", "tasks", "reports", "draws", "handdowns",
                "accountability" }) {
            assertThat(count(stepIn2023 + " and " + datedIn2023 + " and link like '/" + kind + "/%'"))
                .as("the demonstration's notices about %s, dated in 2023", kind)
                .isPositive();
        }
    }

    @Test
    void aNoticeIsDatedAtItsStepNotLater() {
        // The problems' notices: the very time of the change they announce.
        assertThat(count("link like '/problems/%' and " + "extract(year from at at time zone 'Asia/Shanghai') = 2023"
                + " and created_at = at"))
            .isPositive();
    }

}

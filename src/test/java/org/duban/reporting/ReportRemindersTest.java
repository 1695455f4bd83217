package org.duban.reporting;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DubanTest
class ReportRemindersTest {

    @Autowired
    ReportReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void inTheLastDaysOfAMonthTheWorkTeamIsRemindedOnceOfAMissingMonthlyReport() {
        // The demonstration's counties reported March to October; November's report is
        // missing everywhere.
        assertThat(reminders.remind(LocalDate.of(2023, 11, 20))).isZero();
        int sent = reminders.remind(LocalDate.of(2023, 11, 28));
        assertThat(sent).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = 'workteam' and n.dedup_key like 'report:monthly:%:2023-11-01' and n.link = '/reports'
                """).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login in ('unit', 'leader', 'city') and n.dedup_key like 'report:monthly:%'
                """).query(Integer.class).single()).isZero();
        // A rerun the same or the next day sends nothing twice.
        assertThat(reminders.remind(LocalDate.of(2023, 11, 29))).isZero();
    }

    @Test
    void beforeTheDueDateAUnitWhoseReportHasNotGoneIsReminded() {
        // October 2023's unit reports are due on 30 November; the demonstration's second
        // squad has its October report in draft, the first squad and the brigade have
        // submitted theirs.
        assertThat(reminders.remindUnits(LocalDate.of(2023, 11, 20))).isZero();
        assertThat(reminders.remindUnits(LocalDate.of(2023, 11, 28))).isPositive();
        assertThat(unitReminders("squad2")).isEqualTo(1);
        assertThat(unitReminders("unit")).isZero();
        assertThat(unitReminders("brigade")).isZero();
        assertThat(unitReminders("workteam")).isZero();
        assertThat(reminders.remindUnits(LocalDate.of(2023, 11, 29))).isZero();
        assertThat(reminders.remindUnits(LocalDate.of(2023, 12, 1))).isZero();
    }

    int unitReminders(String login) {
        return jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = :login and n.dedup_key like 'report:unit-monthly:%:2023-10-01'
                """).param("login", login).query(Integer.class).single();
    }

}

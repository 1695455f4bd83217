package org.duban.ledger;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Working-day time limits and the daily reminders: due soon, overdue with escalation,
 * idempotent, need-to-know.
 */
@DubanTest
class LedgerRemindersTest {

    @Autowired
    Problems problems;

    @Autowired
    ProblemLedger ledger;

    @Autowired
    LedgerReminders reminders;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.duban.organization.OrgUnits units;

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    UUID staff(String login) {
        return jdbc.sql("select id from staff where login = :l").param("l", login).query(UUID.class).single();
    }

    int inbox(String login, String link) {
        // Reminders only: the hand-over notices (dedup key "event:…", todo module) come
        // on top.
        return jdbc
            .sql("select count(*) from notification where recipient_id = :r and link = :l"
                    + " and dedup_key not like 'event:%'")
            .param("r", staff(login))
            .param("l", link)
            .query(Integer.class)
            .single();
    }

    UUID registeredAndAssigned(boolean confidential) {
        UserDetails wt = users.loadUserByUsername("workteam");
        var auth = new UsernamePasswordAuthenticationToken(wt, null, wt.getAuthorities());
        TestSecurityContextHolder.setAuthentication(auth);
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            UUID id = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                    unit("OTOGQ-SQUAD-1"), null, "reminder test", LocalDate.of(2023, 5, 5), confidential));
            ledger.assign(id, 0, unit("OTOGQ-SQUAD-1"), 3, units.scopeOf((org.duban.security.DubanUser) wt));
            return id;
        }
        finally {
            TestSecurityContextHolder.clearContext();
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void workingDaysSkipTheHolidaysOfTheCalendar() {
        // Tue 2023-04-04 + 1 working day: Wed 5 April is Qingming, so Thursday the 6th.
        assertThat(workingDays.add(LocalDate.of(2023, 4, 4), 1)).isEqualTo(LocalDate.of(2023, 4, 6));
        // Fri 2023-04-28 + 1: the Labour Day break lasts to 3 May; Sunday 23 April was
        // worked instead.
        assertThat(workingDays.add(LocalDate.of(2023, 4, 28), 1)).isEqualTo(LocalDate.of(2023, 5, 4));
        assertThat(workingDays.add(LocalDate.of(2023, 4, 21), 1)).isEqualTo(LocalDate.of(2023, 4, 23));
        assertThat(workingDays.between(LocalDate.of(2023, 9, 28), LocalDate.of(2023, 10, 9))).isEqualTo(3);
    }

    @Test
    void overdueProblemsRemindTheUnitAndEscalateOnceEvenWhenTheJobRunsTwice() throws Exception {
        UUID id = registeredAndAssigned(false);
        LocalDate due = jdbc.sql("select due_on from problem where id = :id")
            .param("id", id)
            .query(LocalDate.class)
            .single();
        String link = "/problems/" + id;

        reminders.remind(due.minusDays(1));
        assertThat(inbox("unit", link)).isEqualTo(1);
        assertThat(inbox("workteam", link)).isZero();

        reminders.remind(due.plusDays(1));
        int second = reminders.remind(due.plusDays(1));
        assertThat(second).isZero();
        assertThat(inbox("unit", link)).isEqualTo(2);
        assertThat(inbox("workteam", link)).isEqualTo(1);

        mvc.perform(get("/notifications").with(user(users.loadUserByUsername("unit"))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(link)));
        UUID message = jdbc.sql("select id from notification where recipient_id = :r and link = :l limit 1")
            .param("r", staff("unit"))
            .param("l", link)
            .query(UUID.class)
            .single();
        mvc.perform(post("/notifications/" + message + "/read").with(csrf())
            .with(user(users.loadUserByUsername("workteam")))).andExpect(status().isNotFound());
        mvc.perform(
                post("/notifications/" + message + "/read").with(csrf()).with(user(users.loadUserByUsername("unit"))))
            .andExpect(status().is3xxRedirection());
    }

    @Test
    void aConfidentialClueIsNotAnnouncedToUnitStaff() {
        UUID id = registeredAndAssigned(true);
        LocalDate due = jdbc.sql("select due_on from problem where id = :id")
            .param("id", id)
            .query(LocalDate.class)
            .single();
        reminders.remind(due.plusDays(1));
        assertThat(inbox("unit", "/problems/" + id)).isZero();
        assertThat(inbox("workteam", "/problems/" + id)).isEqualTo(1);
    }

}

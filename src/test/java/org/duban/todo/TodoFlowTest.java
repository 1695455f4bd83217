package org.duban.todo;

import org.duban.ledger.EvidenceStore;
import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemLedger;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.Problems;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.TodoPages;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A problem walked from registration to the work team's check: at each hand-over the next
 * desk gets one notice (through the event publication registry, which records each
 * delivery as completed), the item appears in that desk's to-do with its light, and
 * leaves it for the handler's 已办.
 */
@DubanTest
class TodoFlowTest {

    @Autowired
    Problems problems;

    @Autowired
    ProblemLedger ledger;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @Autowired
    TodoList todo;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    DubanUser as(String login) {
        DubanUser u = (DubanUser) users.loadUserByUsername(login);
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        return u;
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    int notices(String login, UUID problem) {
        return jdbc.sql("""
                select count(*) from notification n join staff s on s.id = n.recipient_id
                where s.login = :l and n.link = :link and n.dedup_key like 'event:%'
                """).param("l", login).param("link", "/problems/" + problem).query(Integer.class).single();
    }

    long version(UUID id) {
        return jdbc.sql("select version from problem where id = :id").param("id", id).query(Long.class).single();
    }

    /**
     * Notices are sent after the commit by the event listeners' threads; on a loaded
     * two-core machine (a full build beside other builds) that has taken more than 10 s.
     */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void eachHandOverNoticesTheNextDeskOnceAndMovesTheItemAcrossTheToDoLists() throws Exception {
        DubanUser wt = as("workteam");
        UUID squad = unit("OTOGQ-SQUAD-1");
        UUID id = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                squad, null, "todo flow", LocalDate.of(2023, 5, 5), false));
        String reference = jdbc.sql("select reference from problem where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        assertThat(TodoPages.pageShowing(mvc, user(wt), reference)).as("on the work team's to-do").contains(reference);
        as("workteam"); // MockMvc's user() cleared the thread's security context

        ledger.assign(id, version(id), squad, 5, units.scopeOf(wt));
        eventually(() -> notices("unit", id) == 1);
        assertThat(notices("workteam", id)).as("the actor knows").isZero();
        assertThat(jdbc.sql("""
                select count(*) from event_publication
                where event_type like '%ProblemTransitioned' and serialized_event like :id and completion_date is null
                """).param("id", "%" + id + "%").query(Integer.class).single())
            .as("every publication of this problem completed")
            .isZero();

        DubanUser unit = (DubanUser) users.loadUserByUsername("unit");
        assertThat(TodoPages.pageShowing(mvc, user(unit), reference)).as("on the squad's to-do")
            .contains(reference)
            .contains("todo-light-green");
        mvc.perform(get("/todo/badge").with(user(unit))).andExpect(content().string(not(containsString(">0<"))));

        ledger.startVerification(id, version(id), units.scopeOf(wt));
        ledger.decide(id, version(id), true, "confirmed in the file", units.scopeOf(wt));
        ledger.startRectification(id, version(id), new ProblemLedger.Plan(squad, "李明", LocalDate.of(2099, 1, 1)),
                units.scopeOf(wt));
        eventually(() -> notices("unit", id) == 3);

        as("unit");
        ledger.addMeasure(id, version(id), "retrain", "李明", LocalDate.of(2099, 1, 1), units.scopeOf(unit));
        ledger.addEvidence(id, version(id), EvidenceStore.Purpose.RECTIFICATION, "done.pdf",
                "%PDF-1.4 done".getBytes(StandardCharsets.US_ASCII), units.scopeOf(unit));
        ledger.reportRectified(id, version(id), "done", units.scopeOf(unit));
        eventually(() -> notices("workteam", id) == 1);
        assertThat(notices("unit", id)).as("no notice of one's own report").isEqualTo(3);

        assertThat(todo.pending(unit, units.scopeOf(unit))).noneMatch(i -> i.id().equals(id));
        assertThat(todo.done(unit, units.scopeOf(unit), 50).get(0).id()).as("newest first").isEqualTo(id);
        assertThat(todo.pending(wt, units.scopeOf(wt))).anyMatch(i -> i.id().equals(id) && i.action().equals("check"));
        mvc.perform(get("/todo/done").with(user(unit))).andExpect(content().string(containsString(reference)));
    }

    @Test
    void aConfidentialClueStaysOffTheUnitsListAndNotices() throws Exception {
        DubanUser wt = as("workteam");
        UUID squad = unit("OTOGQ-SQUAD-1");
        UUID id = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                squad, null, "secret clue", LocalDate.of(2023, 5, 5), true));
        ledger.assign(id, version(id), squad, 5, units.scopeOf(wt));
        DubanUser unit = (DubanUser) users.loadUserByUsername("unit");
        Thread.sleep(200);
        assertThat(notices("unit", id)).isZero();
        assertThat(todo.pending(unit, units.scopeOf(unit))).noneMatch(i -> i.id().equals(id));
        assertThat(todo.pending(wt, units.scopeOf(wt))).anyMatch(i -> i.id().equals(id));
    }

    @Test
    void theLightIsRedWhenOverdueAndYellowWithinTwoWorkingDays() {
        DubanUser wt = as("workteam");
        UUID squad = unit("OTOGQ-SQUAD-1");
        UUID late = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                squad, null, "late", LocalDate.of(2023, 5, 5), false));
        UUID soon = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, null, ProblemCategory.RIGID, null,
                squad, null, "soon", LocalDate.of(2023, 5, 5), false));
        ledger.assign(late, version(late), squad, 5, units.scopeOf(wt));
        ledger.assign(soon, version(soon), squad, 1, units.scopeOf(wt));
        jdbc.sql("update problem set due_on = :d where id = :id")
            .param("d", todo.today().minusDays(30))
            .param("id", late)
            .update();
        DubanUser unit = (DubanUser) users.loadUserByUsername("unit");
        var items = todo.pending(unit, units.scopeOf(unit));
        assertThat(items).filteredOn(i -> i.id().equals(late))
            .singleElement()
            .satisfies(i -> assertThat(i.light()).isEqualTo(TodoItem.Light.RED))
            .satisfies(i -> assertThat(i.daysLeft()).isNegative());
        assertThat(items).filteredOn(i -> i.id().equals(soon))
            .singleElement()
            .satisfies(i -> assertThat(i.light()).isEqualTo(TodoItem.Light.YELLOW));
        assertThat(todo.count(unit, units.scopeOf(unit))).isGreaterThanOrEqualTo(2);
        // Overdue by more than three working days: escalated to those who supervise the
        // unit.
        DubanUser leader = (DubanUser) users.loadUserByUsername("leader");
        assertThat(todo.pending(leader, units.scopeOf(leader))).anyMatch(i -> i.id().equals(late) && i.escalated())
            .noneMatch(i -> i.id().equals(soon));
    }

}

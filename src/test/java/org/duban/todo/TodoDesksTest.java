package org.duban.todo;

import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.support.DubanTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desks of the to-do list (todo/desks.sql) are disjoint: each item waits once, the
 * badge counts what the page lists, and the items are those the union of string fragments
 * listed before (kept in {@link TodoListBefore}), on the demonstration's data for every
 * role.
 */
@DubanTest
class TodoDesksTest {

    @Autowired
    TodoList todo;

    @Autowired
    OrgUnits units;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingDays workingDays;

    record Key(TodoItem.Kind kind, UUID id, boolean escalated) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "unit", "workteam", "leader", "admin", "auditor", "city", "city-workteam", "otog-leader",
            "otog-workteam", "otog-unit" })
    @Transactional
    void eachItemWaitsOnceAndTheBadgeCountsThePageAndTheItemsAreThoseListedBefore(String login) {
        DubanUser me = (DubanUser) users.loadUserByUsername(login);
        DataScope scope = units.scopeOf(me);
        // Every item, not only the page's 300 (other tests of the shared context add
        // many).
        Map<String, Object> desks = new HashMap<>(todo.desks(me, scope, todo.today()));
        desks.put("limit", Integer.MAX_VALUE);
        desks.put("offset", 0);
        desks.put("top", Integer.MAX_VALUE);
        List<Key> all = jdbc.sql(TodoList.PAGE).params(desks).query(TodoDesksTest::key).list();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(todo.count(me, scope)).isEqualTo(all.size());
        assertThat(todo.pending(me, scope)).hasSize(Math.min(all.size(), TodoList.PAGE_LIMIT));

        var bureau = units.bureauOf(me.unitId()).id();
        TodoListBefore.Query before = TodoListBefore.query(me, scope, todo.workingDaysBack(todo.today(), 3), bureau);
        Set<Key> listedBefore = before == null ? Set.of()
                : jdbc.sql(TodoListBefore.page(before))
                    .params(before.params())
                    .param("limit", Integer.MAX_VALUE)
                    .query(TodoDesksTest::key)
                    .set();
        // The union of string fragments had no 上级交办 (a query of its own then).
        Set<Key> onlyNow = new java.util.HashSet<>(all);
        onlyNow.removeIf(k -> k.kind() == TodoItem.Kind.HAND_DOWN);
        onlyNow.removeAll(listedBefore);
        Set<Key> onlyBefore = new java.util.HashSet<>(listedBefore);
        onlyBefore.removeAll(Set.copyOf(all));
        assertThat(onlyNow).as("listed now, not before: %s", describe(onlyNow)).isEmpty();
        assertThat(onlyBefore).as("listed before, not now: %s", describe(onlyBefore)).isEmpty();
    }

    /** The rows behind differing keys, to read in a failure. */
    private List<String> describe(Set<Key> keys) {
        return keys.stream().limit(5).map(k -> k + " " + jdbc.sql(switch (k.kind()) {
            case KEY_TASK -> "select concat_ws(' ', status, owner_unit_id, deadline, acceptor_login, campaign_id)"
                    + " from key_task where id = :id";
            case PROBLEM -> "select concat_ws(' ', status, unit_id, assigned_unit_id, confidential) from problem"
                    + " where id = :id";
            default -> "select cast(:id as text)";
        }).param("id", k.id()).query(String.class).optional().orElse("")).toList();
    }

    static Key key(ResultSet rs, int row) throws SQLException {
        return new Key(TodoItem.Kind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                rs.getBoolean("escalated"));
    }

    @Test
    @Transactional
    void aProblemAtMyOwnUnitThatIMayAlsoVerifyWaitsOnceForVerification() {
        DubanUser workteam = (DubanUser) users.loadUserByUsername("workteam");
        UUID problem = jdbc.sql("select id from problem where status = 'ASSIGNED' and not confidential limit 1")
            .query(UUID.class)
            .single();
        jdbc.sql("update problem set assigned_unit_id = :me where id = :id")
            .param("me", workteam.unitId())
            .param("id", problem)
            .update();
        List<TodoItem> mine = todo.pending(workteam, units.scopeOf(workteam))
            .stream()
            .filter(i -> i.id().equals(problem))
            .toList();
        assertThat(mine).singleElement().extracting(TodoItem::action).isEqualTo("startVerify");
    }

    @Test
    void aSpanOfWorkingDaysCountsAsTheCalendarDoes() {
        LocalDate from = LocalDate.of(2023, 9, 20);
        LocalDate to = LocalDate.of(2023, 10, 20);
        WorkingDays.Span span = workingDays.span(from, to);
        for (LocalDate a = from; !a.isAfter(to); a = a.plusDays(3)) {
            for (LocalDate b = from; !b.isAfter(to); b = b.plusDays(2)) {
                assertThat(span.between(a, b)).as(a + " to " + b).isEqualTo(workingDays.between(a, b));
            }
        }
        // The National Day week of 2023: 2023-09-29 to 10-06 off, 10-07 and 10-08 worked.
        assertThat(span.between(LocalDate.of(2023, 9, 28), LocalDate.of(2023, 10, 9))).isEqualTo(3);
    }

}

package org.duban.todo;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.shared.PageOf;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * 我的待办 in pages: every waiting item on exactly one page, the most urgent first, in an
 * order that holds from one page to the next (items with the same time limit and start
 * included), and the total the badge counts.
 */
@DubanTest
@Transactional
class TodoPagesTest {

    @Autowired
    TodoList todo;

    @Autowired
    OrgUnits units;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /**
     * 130 problems to assign in the work team's scope, by tens on the same time limit and
     * registered at the same instant, so that only the id tells them apart.
     */
    DubanUser workteamWithManyToAssign() {
        DubanUser me = (DubanUser) users.loadUserByUsername("workteam");
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, category, item_code, unit_id, description,
                                     found_on, confidential, status, assigned_unit_id, due_on, created_by, created_at)
                select gen_random_uuid(), 'PG-' || lpad(g::text, 6, '0'),
                       (select id from campaign order by starts_on limit 1), 'SELF_INSPECTION', 'ROUGH', null, :unit,
                       'to-do pages ' || g, date '2023-03-25', false, 'REGISTERED', null,
                       date '2023-04-01' + (g / 10), 'test', timestamptz '2023-03-25 09:00+08'
                from generate_series(1, 130) g
                """).param("unit", me.unitId()).update();
        return me;
    }

    /** Every item, in the page's order. */
    List<UUID> all(DubanUser me, DataScope scope) {
        Map<String, Object> desks = new HashMap<>(todo.desks(me, scope, todo.today()));
        desks.put("limit", Integer.MAX_VALUE);
        desks.put("offset", 0);
        desks.put("top", Integer.MAX_VALUE);
        return jdbc.sql(TodoList.PAGE).params(desks).query((rs, n) -> rs.getObject("id", UUID.class)).list();
    }

    @Test
    void thePagesTogetherListEveryWaitingItemOnceMostUrgentFirstWithTheBadgesTotal() {
        DubanUser me = workteamWithManyToAssign();
        DataScope scope = units.scopeOf(me);
        List<UUID> all = all(me, scope);
        int total = todo.count(me, scope);
        assertThat(all).hasSize(total).doesNotHaveDuplicates();
        assertThat(total).isGreaterThan(130);

        List<UUID> paged = new ArrayList<>();
        PageOf<TodoItem> page = todo.page(me, scope, 1, TodoList.PAGE_SIZE);
        List<TodoItem> items = new ArrayList<>();
        while (true) {
            assertThat(page.total()).isEqualTo(total);
            assertThat(page.items()).hasSize(page.last() ? total - page.offset() : TodoList.PAGE_SIZE);
            page.items().forEach(i -> paged.add(i.id()));
            items.addAll(page.items());
            if (page.last()) {
                break;
            }
            page = todo.page(me, scope, page.number() + 1, TodoList.PAGE_SIZE);
        }
        assertThat(page.number()).isEqualTo((total + TodoList.PAGE_SIZE - 1) / TodoList.PAGE_SIZE);
        assertThat(paged).as("page after page, the order of the whole list").isEqualTo(all);
        assertThat(items).extracting(TodoItem::dueOn)
            .isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
    }

    @Test
    void pageTwoShowsTheNextRowsInAnOrderThatHolds() {
        DubanUser me = workteamWithManyToAssign();
        DataScope scope = units.scopeOf(me);
        List<UUID> all = all(me, scope);
        List<UUID> second = todo.page(me, scope, 2, TodoList.PAGE_SIZE).items().stream().map(TodoItem::id).toList();
        assertThat(second).isEqualTo(all.subList(TodoList.PAGE_SIZE, 2 * TodoList.PAGE_SIZE));
        for (int i = 0; i < 3; i++) {
            assertThat(todo.page(me, scope, 2, TodoList.PAGE_SIZE).items()).extracting(TodoItem::id).isEqualTo(second);
        }
        // Past the last page: the last page.
        PageOf<TodoItem> beyond = todo.page(me, scope, 10_000, TodoList.PAGE_SIZE);
        assertThat(beyond.last()).isTrue();
        assertThat(beyond.items()).extracting(TodoItem::id).isEqualTo(all.subList(beyond.offset(), all.size()));
    }

    @Test
    void theToDoPageShowsFiftyRowsTheTotalAndTheNextPage() throws Exception {
        DubanUser me = workteamWithManyToAssign();
        DataScope scope = units.scopeOf(me);
        List<UUID> all = all(me, scope);
        String first = mvc.perform(get("/todo").with(user(me)))
            .andExpect(content().string(containsString("共 " + all.size() + " 条")))
            .andExpect(content().string(containsString("下一页")))
            .andExpect(content().string(containsString("?page=2")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(first.split("data-item=", -1)).hasSize(TodoList.PAGE_SIZE + 1);
        assertThat(first).contains("data-item=\"" + all.get(0) + "\"")
            .contains("data-item=\"" + all.get(TodoList.PAGE_SIZE - 1) + "\"")
            .doesNotContain("data-item=\"" + all.get(TodoList.PAGE_SIZE) + "\"");
        mvc.perform(get("/todo").param("page", "2").with(user(me)))
            .andExpect(content().string(containsString("data-item=\"" + all.get(TodoList.PAGE_SIZE) + "\"")))
            .andExpect(content().string(not(containsString("data-item=\"" + all.get(0) + "\""))));
        mvc.perform(get("/todo/badge").with(user(me)))
            .andExpect(content().string(containsString("data-count=\"" + all.size() + "\"")));
    }

}

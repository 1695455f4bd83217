package org.duban.web;

import org.duban.support.DubanTest;
import org.duban.support.Spreadsheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lists that got the shared toolbar last (suggestions, 回头看, 约谈, inspections, draws,
 * outbox): the keyword, a labelled filter, reset, the total and the pages work, and the
 * filtered query still keeps to the caller's scope. Each test writes 52 matching rows in
 * the caller's bureau (2 of them of another kind), one in a neighbouring bureau that the
 * caller must never count.
 */
@DubanTest
class RemainingListToolbarsTest {

    static final int IN_SCOPE = 52;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    String page(String login, String path, String... params) throws Exception {
        var request = get(path).with(user(users.loadUserByUsername(login)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    static long total(String page) {
        Matcher m = Pattern.compile("共 (\\d+) 条").matcher(page);
        assertThat(m.find()).as("the list shows its total").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Rows shown: each written row carries the keyword followed by its number. */
    static int rows(String page, String keyword) {
        Matcher m = Pattern.compile(Pattern.quote(keyword) + "-\\d+").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * The toolbar of a list at {@code path} whose rows written with {@code keyword} are
     * {@link #IN_SCOPE} for {@code login}, 2 of them with {@code filter} = {@code value}.
     */
    void assertToolbar(String login, String path, String keyword, String filter, String value) throws Exception {
        String first = page(login, path, "q", keyword);
        assertThat(first).as("labelled keyword and filter, reset to the bare list")
            .contains("<label class=\"form-label small mb-0\" for=\"q\">")
            .contains("<label class=\"form-label small mb-0\" for=\"" + filter + "\">")
            .contains("href=\"" + path + "\">重置</a>")
            .contains(">查询</button>");
        assertThat(total(first)).as("the keyword's rows in scope, not the neighbour's").isEqualTo(IN_SCOPE);
        assertThat(rows(first, keyword)).as("one page of 50").isEqualTo(50);
        assertThat(first).contains("第 1 / 2 页").contains("page=2");
        String second = page(login, path, "q", keyword, "page", "2");
        assertThat(rows(second, keyword)).isEqualTo(IN_SCOPE - 50);
        assertThat(second).as("the pages keep the keyword").contains("value=\"" + keyword + "\"");
        String filtered = page(login, path, "q", keyword, filter, value);
        assertThat(total(filtered)).isEqualTo(2);
        assertThat(rows(filtered, keyword)).isEqualTo(2);
        assertThat(total(page(login, path, "q", keyword + "-没有"))).isZero();
        assertThat(total(page(login, path, "q", "%"))).as("a % is a character, not a wildcard").isZero();
        assertThat(total(page(login, path))).as("reset: the whole list again").isGreaterThanOrEqualTo(IN_SCOPE);
    }

    @Test
    void suggestionsAreSearchedFilteredAndPagedWithinScope() throws Exception {
        UUID mine = unit("OTOGQ-OFFICE");
        UUID neighbour = unit("OTOG-OFFICE");
        for (int i = 0; i <= IN_SCOPE; i++) {
            jdbc.sql("""
                    insert into suggestion (id, unit_id, topic, text, status, answer, created_at)
                    values (:id, :unit, :topic, :text, :status, :answer, :at)
                    """)
                .param("id", UUID.randomUUID())
                .param("unit", i == IN_SCOPE ? neighbour : mine)
                .param("topic", i < 2 ? "EQUIPMENT" : "WORKLOAD")
                .param("text", "建议甲-" + i)
                .param("status", i < 2 ? "ANSWERED" : "SUBMITTED")
                .param("answer", i < 2 ? "已答复" : null)
                .param("at", Timestamp.from(Instant.now()))
                .update();
        }
        assertToolbar("workteam", "/suggestions", "建议甲", "topic", "EQUIPMENT");
        assertThat(total(page("workteam", "/suggestions", "q", "建议甲", "status", "ANSWERED"))).isEqualTo(2);
        assertThat(total(page("otog-workteam", "/suggestions", "q", "建议甲"))).as("the neighbour sees its own")
            .isEqualTo(1);
    }

    @Test
    void reviewRoundsAreSearchedFilteredAndPagedWithinScope() throws Exception {
        UUID mine = unit("OTOGQ-OFFICE");
        UUID neighbour = unit("OTOG-OFFICE");
        for (int i = 0; i <= IN_SCOPE; i++) {
            jdbc.sql("""
                    insert into review_round (id, unit_id, title, planned_on, status, completed_on, created_by,
                                              created_at)
                    values (:id, :unit, :title, :on, :status, :done, 'test', now())
                    """)
                .param("id", UUID.randomUUID())
                .param("unit", i == IN_SCOPE ? neighbour : mine)
                .param("title", "回头看乙-" + i)
                .param("on", LocalDate.of(2023, 9, 1))
                .param("status", i < 2 ? "COMPLETED" : "PLANNED")
                .param("done", i < 2 ? LocalDate.of(2023, 9, 2) : null)
                .update();
        }
        assertToolbar("workteam", "/reviews", "回头看乙", "status", "COMPLETED");
        assertThat(total(page("workteam", "/reviews", "q", "回头看乙", "unit", mine.toString()))).isEqualTo(IN_SCOPE);
        assertThat(total(page("workteam", "/reviews", "q", "回头看乙", "unit", neighbour.toString())))
            .as("a unit outside the scope chosen by hand finds nothing")
            .isZero();
    }

    @Test
    void interviewsAreSearchedFilteredAndPagedWithinScope() throws Exception {
        UUID mine = unit("OTOGQ-OFFICE");
        UUID other = unit("OTOGQ-BRIGADE");
        UUID neighbour = unit("OTOG-OFFICE");
        for (int i = 0; i <= IN_SCOPE; i++) {
            jdbc.sql("""
                    insert into accountability_interview (id, unit_id, interviewer, interviewee, held_on, reason,
                                                          minutes, created_by, created_at)
                    values (:id, :unit, '热希', :who, :on, '执法不规范', '记录', 'test', now())
                    """)
                .param("id", UUID.randomUUID())
                .param("unit", i == IN_SCOPE ? neighbour : i < 2 ? other : mine)
                .param("who", "丙某-" + i)
                .param("on", LocalDate.of(2023, 8, 1))
                .update();
        }
        assertToolbar("workteam", "/accountability/interviews", "丙某", "unit", other.toString());
    }

    @Test
    void inspectionsAreSearchedFilteredAndPagedWithinScope() throws Exception {
        UUID mine = unit("OTOGQ");
        UUID neighbour = unit("OTOG");
        for (int i = 0; i <= IN_SCOPE; i++) {
            UUID owner = i == IN_SCOPE ? neighbour : mine;
            jdbc.sql("""
                    insert into inspection (id, owner_unit_id, campaign_id, type, title, planned_on, status)
                    values (:id, :unit, (select id from campaign where owner_unit_id = :unit limit 1), 'SURPRISE',
                            :title, :on, :status)
                    """)
                .param("id", UUID.randomUUID())
                .param("unit", owner)
                .param("title", "检查丁-" + i)
                .param("on", LocalDate.of(2023, 7, 1))
                .param("status", i < 2 ? "CLOSED" : "PLANNED")
                .update();
        }
        assertToolbar("workteam", "/inspections", "检查丁", "status", "CLOSED");
        assertThat(page("workteam", "/inspections", "q", "检查丁", "status", "CLOSED"))
            .contains("href=\"/inspections/export?q=%E6%A3%80%E6%9F%A5%E4%B8%81&amp;type=&amp;status=CLOSED\"");
        byte[] xlsx = mvc
            .perform(get("/inspections/export").param("q", "检查丁")
                .param("type", "")
                .param("status", "CLOSED")
                .with(user(users.loadUserByUsername("workteam"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        List<String> cells = Spreadsheets.rows(xlsx).stream().flatMap(List::stream).toList();
        assertThat(cells).as("the filtered rows, in scope").filteredOn(t -> t.startsWith("检查丁-")).hasSize(2);
        assertThat(cells).contains("组织单位", "检查名称");
    }

    @Test
    void drawsAreSearchedFilteredAndPagedWithinScope() throws Exception {
        UUID mine = unit("OTOGQ");
        UUID neighbour = unit("OTOG");
        for (int i = 0; i <= IN_SCOPE; i++) {
            jdbc.sql("""
                    insert into random_draw (id, public_id, owner_unit_id, title, target_type, filter_description,
                                             target_count, inspectors_per_target, algorithm, snapshot_hash,
                                             seed_mode, public_seed_source, committed_by, committed_at)
                    values (:id, :pid, :unit, :title, :type, 'test', 1, 0, 'test', repeat('0', 64), 'PUBLIC_VALUE',
                            'test', 'test', now())
                    """)
                .param("id", UUID.randomUUID())
                .param("pid", UUID.randomUUID())
                .param("unit", i == IN_SCOPE ? neighbour : mine)
                .param("title", "抽取戊-" + i)
                .param("type", i < 2 ? "STATION" : "STAFF")
                .update();
        }
        assertToolbar("workteam", "/draws", "抽取戊", "targetType", "STATION");
        assertThat(total(page("workteam", "/draws", "q", "抽取戊", "state", "drawn"))).isZero();
        assertThat(total(page("workteam", "/draws", "q", "抽取戊", "published", "no"))).isEqualTo(IN_SCOPE);
    }

    @Test
    void theOutboxIsSearchedFilteredAndPaged() throws Exception {
        for (int i = 0; i < IN_SCOPE; i++) {
            jdbc.sql("""
                    insert into notification_outbox (id, channel, address, template, payload, dedup_key, status,
                                                     next_attempt_at, created_at, last_error)
                    values (:id, :channel, 'a@example.cn', :template, 'x', :key, :status, now(), now(), 'refused')
                    """)
                .param("id", UUID.randomUUID())
                .param("channel", i < 2 ? "SMS" : "EMAIL")
                .param("template", "outboxkw-" + i)
                .param("key", "toolbar-" + i)
                .param("status", i < 2 ? "DELIVERED" : "FAILED")
                .update();
        }
        assertToolbar("admin", "/admin/outbox", "outboxkw", "channel", "SMS");
        assertThat(total(page("admin", "/admin/outbox", "q", "outboxkw", "status", "FAILED"))).isEqualTo(IN_SCOPE - 2);
    }

}

package org.duban.web;

import org.duban.shared.WorkbookStyles;
import org.duban.support.DubanTest;
import org.duban.support.Spreadsheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The five registers that got their export last (suggestions, 回头看, 约谈, draws, the outbox)
 * export what their page lists (ADR 0414): the page's filters, the caller's scope, the
 * list's headers, labels instead of codes. Each test writes its own rows, marked by a
 * keyword, in the caller's bureau and one in a neighbouring bureau that must never be
 * exported, and reads the sheet back with Apache POI.
 */
@DubanTest
class RegisterExportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    MockHttpServletRequestBuilder as(String login, String path, String... params) {
        MockHttpServletRequestBuilder request = get(path).with(user(users.loadUserByUsername(login)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    /** The export's rows: the title, the headers, then the data. */
    List<List<String>> export(String login, String path, String... params) throws Exception {
        byte[] xlsx = mvc.perform(as(login, path, params))
            .andExpect(status().isOk())
            .andExpect(content().contentType(WorkbookStyles.XLSX))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        return Spreadsheets.rows(xlsx);
    }

    String page(String login, String path, String... params) throws Exception {
        return mvc.perform(as(login, path, params))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The data rows of the sheet with a cell that starts with the keyword. */
    static List<List<String>> rowsOf(List<List<String>> sheet, String keyword) {
        return sheet.subList(2, sheet.size())
            .stream()
            .filter(row -> row.stream().anyMatch(cell -> cell.startsWith(keyword)))
            .toList();
    }

    /** The cell of the row in the column headed {@code header}. */
    static String cell(List<List<String>> sheet, List<String> row, String header) {
        int column = sheet.get(1).indexOf(header);
        assertThat(column).as("a column headed " + header).isNotNegative();
        return row.get(column);
    }

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    @Test
    void suggestionsExportTheFilteredRegisterOfTheScopeAndNeverAnAnonymousAuthor() throws Exception {
        UUID mine = unit("OTOGQ-OFFICE");
        UUID author = jdbc.sql("select id from staff where login = 'workteam'").query(UUID.class).single();
        String authorName = jdbc.sql("select name from staff where id = :id")
            .param("id", author)
            .query(String.class)
            .single();
        suggestion(mine, author, "EQUIPMENT", "建议导出-1");
        suggestion(mine, null, "EQUIPMENT", "建议导出-2");
        suggestion(mine, author, "WORKLOAD", "建议导出-3");
        suggestion(unit("OTOG-OFFICE"), null, "EQUIPMENT", "建议导出-4");

        assertThat(page("workteam", "/suggestions", "q", "建议导出", "topic", "EQUIPMENT")).as("the toolbar's export")
            .contains(
                    "href=\"/suggestions/export?q=%E5%BB%BA%E8%AE%AE%E5%AF%BC%E5%87%BA&amp;topic=EQUIPMENT&amp;status=\"");
        List<List<String>> sheet = export("workteam", "/suggestions/export", "q", "建议导出", "topic", "EQUIPMENT");

        assertThat(sheet.get(0).get(0)).isEqualTo("一线执法人员意见建议");
        assertThat(sheet.get(1)).containsExactly("提出日期", "主题", "内容", "单位", "提出人", "状态", "答复");
        List<List<String>> rows = rowsOf(sheet, "建议导出");
        assertThat(rows).as("the topic filtered, the neighbour's left out")
            .extracting(r -> r.get(2))
            .containsExactlyInAnyOrder("建议导出-1", "建议导出-2");
        assertThat(rows).allSatisfy(r -> assertThat(cell(sheet, r, "主题")).isEqualTo("装备保障"));
        assertThat(rows).filteredOn(r -> r.get(2).equals("建议导出-1"))
            .singleElement()
            .satisfies(r -> assertThat(cell(sheet, r, "提出人")).isEqualTo(authorName));
        assertThat(rows).filteredOn(r -> r.get(2).equals("建议导出-2"))
            .singleElement()
            .satisfies(r -> assertThat(cell(sheet, r, "提出人")).isEqualTo("匿名"));

        mvc.perform(as("unit", "/suggestions/export")).andExpect(status().isForbidden());
        assertThat(page("unit", "/suggestions")).as("a writer's own list offers no export")
            .doesNotContain("/suggestions/export");
    }

    void suggestion(UUID unit, UUID author, String topic, String text) {
        jdbc.sql("""
                insert into suggestion (id, unit_id, author_id, topic, text, created_at)
                values (:id, :unit, :author, :topic, :text, :at)
                """)
            .param("id", UUID.randomUUID())
            .param("unit", unit)
            .param("author", author)
            .param("topic", topic)
            .param("text", text)
            .param("at", Timestamp.from(Instant.now()))
            .update();
    }

    @Test
    void reviewRoundsExportTheFilteredRoundsOfTheScope() throws Exception {
        review(unit("OTOGQ-OFFICE"), "回头看导出-1", "COMPLETED");
        review(unit("OTOGQ-OFFICE"), "回头看导出-2", "PLANNED");
        review(unit("OTOG-OFFICE"), "回头看导出-3", "COMPLETED");

        assertThat(page("workteam", "/reviews", "q", "回头看导出")).contains("href=\"/reviews/export?q=");
        List<List<String>> sheet = export("workteam", "/reviews/export", "q", "回头看导出", "status", "COMPLETED");

        assertThat(sheet.get(0).get(0)).isEqualTo("回头看");
        assertThat(sheet.get(1)).startsWith("计划日期", "名称", "组织单位", "问题数", "问题反弹", "状态", "完成日期");
        List<List<String>> rows = rowsOf(sheet, "回头看导出");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(cell(sheet, r, "名称")).isEqualTo("回头看导出-1");
            assertThat(cell(sheet, r, "状态")).isEqualTo("已完成");
        });

        mvc.perform(as("unit", "/reviews/export")).andExpect(status().isForbidden());
    }

    void review(UUID unit, String title, String status) {
        jdbc.sql("""
                insert into review_round (id, unit_id, title, planned_on, status, completed_on, created_by, created_at)
                values (:id, :unit, :title, :on, :status, :done, 'test', now())
                """)
            .param("id", UUID.randomUUID())
            .param("unit", unit)
            .param("title", title)
            .param("on", LocalDate.of(2023, 9, 1))
            .param("status", status)
            .param("done", "COMPLETED".equals(status) ? LocalDate.of(2023, 9, 2) : null)
            .update();
    }

    @Test
    void interviewsExportTheFilteredRecordsOfTheScopeToAccountabilityReadersOnly() throws Exception {
        UUID office = unit("OTOGQ-OFFICE");
        UUID brigade = unit("OTOGQ-BRIGADE");
        interview(office, "约谈导出-1");
        interview(brigade, "约谈导出-2");
        interview(unit("OTOG-OFFICE"), "约谈导出-3");

        assertThat(page("workteam", "/accountability/interviews", "q", "约谈导出"))
            .contains("href=\"/accountability/interviews/export?q=");
        List<List<String>> sheet = export("workteam", "/accountability/interviews/export", "q", "约谈导出", "unit",
                office.toString());

        assertThat(sheet.get(0).get(0)).isEqualTo("约谈记录");
        assertThat(sheet.get(1)).startsWith("约谈日期", "被约谈人", "所在单位", "约谈人", "约谈事由", "编号");
        assertThat(rowsOf(sheet, "约谈导出")).extracting(r -> cell(sheet, r, "被约谈人")).containsExactly("约谈导出-1");
        assertThat(rowsOf(export("workteam", "/accountability/interviews/export", "q", "约谈导出"), "约谈导出"))
            .as("without the unit filter: both of the scope, never the neighbour's")
            .hasSize(2);

        mvc.perform(as("unit", "/accountability/interviews/export")).andExpect(status().isForbidden());
        mvc.perform(as("city", "/accountability/interviews/export")).andExpect(status().isForbidden());
    }

    void interview(UUID unit, String interviewee) {
        jdbc.sql("""
                insert into accountability_interview (id, unit_id, interviewer, interviewee, held_on, reason, minutes,
                                                      created_by, created_at)
                values (:id, :unit, '热希', :who, :on, '执法不规范', '记录', 'test', now())
                """)
            .param("id", UUID.randomUUID())
            .param("unit", unit)
            .param("who", interviewee)
            .param("on", LocalDate.of(2023, 8, 1))
            .update();
    }

    @Test
    void drawsExportTheFilteredDrawsOfTheScopeWithTimesInTheBureausZone() throws Exception {
        // 00:30 UTC is 08:30 in Beijing.
        Instant committed = Instant.parse("2023-07-01T00:30:00Z");
        draw(unit("OTOGQ"), "抽取导出-1", "STATION", committed);
        draw(unit("OTOGQ"), "抽取导出-2", "STAFF", committed);
        draw(unit("OTOG"), "抽取导出-3", "STATION", committed);

        assertThat(page("workteam", "/draws", "q", "抽取导出")).contains("href=\"/draws/export?q=");
        List<List<String>> sheet = export("workteam", "/draws/export", "q", "抽取导出", "targetType", "STATION");

        assertThat(sheet.get(0).get(0)).isEqualTo("双随机抽取");
        assertThat(sheet.get(1)).startsWith("抽取名称", "抽取对象类型", "抽取对象数", "冻结时间", "状态");
        assertThat(rowsOf(sheet, "抽取导出")).singleElement().satisfies(r -> {
            assertThat(cell(sheet, r, "抽取名称")).isEqualTo("抽取导出-1");
            assertThat(cell(sheet, r, "抽取对象类型")).isEqualTo("治超站点");
            assertThat(cell(sheet, r, "冻结时间")).isEqualTo("2023-07-01 08:30");
            assertThat(cell(sheet, r, "状态")).isEqualTo("已冻结，待抽取");
            assertThat(cell(sheet, r, "公示")).isEqualTo("未公示");
        });

        mvc.perform(as("unit", "/draws/export")).andExpect(status().isForbidden());
    }

    void draw(UUID unit, String title, String targetType, Instant committedAt) {
        jdbc.sql("""
                insert into random_draw (id, public_id, owner_unit_id, title, target_type, filter_description,
                                         target_count, inspectors_per_target, algorithm, snapshot_hash, seed_mode,
                                         public_seed_source, committed_by, committed_at)
                values (:id, :pid, :unit, :title, :type, 'test', 3, 0, 'test', repeat('0', 64), 'PUBLIC_VALUE', 'test',
                        'test', :at)
                """)
            .param("id", UUID.randomUUID())
            .param("pid", UUID.randomUUID())
            .param("unit", unit)
            .param("title", title)
            .param("type", targetType)
            .param("at", Timestamp.from(committedAt))
            .update();
    }

    @Test
    void theOutboxExportsTheFilteredDeliveriesWithAddressesMaskedAsOnThePage() throws Exception {
        outbox("SMS", "13912345678", "outboxexport-1", "FAILED");
        outbox("SMS", "13912345679", "outboxexport-2", "DELIVERED");
        outbox("EMAIL", "a@example.cn", "outboxexport-3", "FAILED");

        assertThat(page("admin", "/admin/outbox", "q", "outboxexport")).contains("href=\"/admin/outbox/export?q=");
        List<List<String>> sheet = export("admin", "/admin/outbox/export", "q", "outboxexport", "channel", "SMS",
                "status", "FAILED");

        assertThat(sheet.get(0).get(0)).isEqualTo("外发消息");
        assertThat(sheet.get(1)).containsExactly("生成时间", "渠道", "接收方", "模板", "状态", "尝试次数", "下次尝试", "最近错误");
        assertThat(rowsOf(sheet, "outboxexport")).singleElement().satisfies(r -> {
            assertThat(cell(sheet, r, "模板")).isEqualTo("outboxexport-1");
            assertThat(cell(sheet, r, "渠道")).isEqualTo("短信");
            assertThat(cell(sheet, r, "状态")).isEqualTo("发送失败");
            assertThat(cell(sheet, r, "接收方")).as("masked as on the page").isEqualTo("139****5678");
        });
        assertThat(sheet.toString()).doesNotContain("13912345678");

        mvc.perform(as("workteam", "/admin/outbox/export")).andExpect(status().isForbidden());
        mvc.perform(as("auditor", "/admin/outbox/export")).andExpect(status().isForbidden());
    }

    void outbox(String channel, String address, String template, String status) {
        jdbc.sql("""
                insert into notification_outbox (id, channel, address, template, payload, dedup_key, status,
                                                 next_attempt_at, created_at, last_error)
                values (:id, :channel, :address, :template, 'x', :key, :status, now(), now(), 'refused')
                """)
            .param("id", UUID.randomUUID())
            .param("channel", channel)
            .param("address", address)
            .param("template", template)
            .param("key", "export-" + UUID.randomUUID())
            .param("status", status)
            .update();
    }

}

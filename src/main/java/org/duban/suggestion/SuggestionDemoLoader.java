package org.duban.suggestion;

import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Three suggestions of 2023 from the demonstration's unit account: one anonymous, one
 * answered.
 */
@Component
@Order(190)
class SuggestionDemoLoader implements DemoLoader {

    record Item(String login, boolean anonymous, SuggestionTopic topic, String text, LocalDateTime at, String answer) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("unit", false, SuggestionTopic.ENFORCEMENT_RULES, "suggestion.demo.1.text",
                    LocalDateTime.of(2023, 4, 20, 9, 30), "suggestion.demo.1.answer"),
            new Item("unit", true, SuggestionTopic.WORKLOAD, "suggestion.demo.2.text",
                    LocalDateTime.of(2023, 6, 2, 18, 5), null),
            new Item("workteam", false, SuggestionTopic.EQUIPMENT, "suggestion.demo.3.text",
                    LocalDateTime.of(2023, 8, 11, 10, 0), null));

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final MessageSource messages;

    SuggestionDemoLoader(DemoMode demoMode, JdbcClient jdbc, MessageSource messages) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from suggestion").query(Long.class).single() > 0) {
            return;
        }
        for (Item item : ITEMS) {
            var author = jdbc.sql("select id, unit_id from staff where login = :l")
                .param("l", item.login())
                .query((rs, n) -> new UUID[] { rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class) })
                .optional()
                .orElse(null);
            if (author == null) {
                continue;
            }
            jdbc.sql("""
                    insert into suggestion (id, unit_id, author_id, topic, text, status, answer, answered_by,
                                            answered_at, created_at)
                    values (:id, :unit, :author, :topic, :text, :status, :answer, :by, :answeredAt, :at)
                    """)
                .param("id", UUID.randomUUID())
                .param("unit", author[1])
                .param("author", item.anonymous() ? null : author[0])
                .param("topic", item.topic().name())
                .param("text", m(item.text()))
                .param("status", item.answer() == null ? "SUBMITTED" : "ANSWERED")
                .param("answer", item.answer() == null ? null : m(item.answer()))
                .param("by", item.answer() == null ? null : "workteam")
                .param("answeredAt", item.answer() == null ? null : Timestamp.valueOf(item.at().plusDays(5)))
                .param("at", Timestamp.valueOf(item.at()))
                .update();
        }
    }

    private String m(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

}

package org.duban.todo;

import org.duban.shared.BureauClock;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The to-do's items as the page shows them, every text formatted here once per page
 * rather than looked up by the template cell by cell: the messages of a page (kinds,
 * actions, lights, complaint types) are read once per key.
 */
@Component
class TodoRows {

    private final MessageSource messages;

    private final BureauClock clock;

    TodoRows(MessageSource messages, BureauClock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * One row of the to-do list: what the template prints, ready.
     *
     * @param light the light's CSS suffix (red, yellow, green, none)
     * @param daysText "n working days left" or "overdue by n working days", or null
     * @param overdue whether {@code daysText} is an overdue
     * @param supervise the item's supervision page, or null (reports have none)
     */
    record TodoRow(String id, String light, String lightText, String kind, String link, String label, boolean escalated,
            String action, String unit, String since, String dueOn, String daysText, boolean overdue, String urges,
            String lastUrge, String supervise) {
    }

    List<TodoRow> rows(List<TodoItem> items) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> texts = new HashMap<>();
        List<TodoRow> rows = new ArrayList<>(items.size());
        for (TodoItem i : items) {
            String label = i.kind() == TodoItem.Kind.COMPLAINT ? text(texts, "complaint.type." + i.label(), locale)
                    : i.label();
            String daysText = i.daysLeft() == null ? null
                    : i.daysLeft() >= 0 ? messages.getMessage("todo.daysLeft", new Object[] { i.daysLeft() }, locale)
                            : messages.getMessage("todo.daysOver", new Object[] { -i.daysLeft() }, locale);
            rows.add(new TodoRow(i.id().toString(), i.light().name().toLowerCase(Locale.ROOT),
                    text(texts, "todo.light." + i.light().name(), locale),
                    text(texts, "todo.kind." + i.kind().name(), locale), i.link(), label, i.escalated(),
                    text(texts, "todo.action." + i.action(), locale), i.unitName(), clock.minutes(i.since()),
                    i.dueOn() == null ? null : i.dueOn().toString(), daysText, i.daysLeft() != null && i.daysLeft() < 0,
                    i.urges() > 0 ? messages.getMessage("todo.urged", new Object[] { i.urges() }, locale) : null,
                    i.lastUrge(), supervise(i)));
        }
        return rows;
    }

    private String text(Map<String, String> texts, String key, Locale locale) {
        return texts.computeIfAbsent(key, k -> messages.getMessage(k, null, k, locale));
    }

    /**
     * /todo/problem/…, /todo/complaint/…, /todo/task/…, /todo/hand_down/…; none for a
     * report.
     */
    static String supervise(TodoItem i) {
        return switch (i.kind()) {
            case REPORT -> null;
            case KEY_TASK -> "/todo/task/" + i.id();
            default -> "/todo/" + i.kind().name().toLowerCase(Locale.ROOT) + "/" + i.id();
        };
    }

}

package org.duban.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One thing waiting on me or my unit: what ({@code kind}, {@code label}), the action it
 * waits for ({@code action}, labelled {@code todo.action.<action>}), since when, its time
 * limit and light, and the urges it received.
 *
 * @param daysLeft working days from today to the time limit (negative: overdue by so
 * many); null without a limit
 * @param escalated shown to me because it is overdue by more than the escalation
 * threshold at a unit I supervise
 */
public record TodoItem(Kind kind, UUID id, String label, String action, Instant since, LocalDate dueOn,
        Integer daysLeft, Light light, UUID unitId, String unitName, boolean escalated, int urges, String lastUrge) {

    public enum Kind {

        PROBLEM, COMPLAINT, KEY_TASK, REPORT, ACCOUNTABILITY, HAND_DOWN;

        public String path() {
            return switch (this) {
                case PROBLEM -> "/problems/";
                case COMPLAINT -> "/complaints/";
                case KEY_TASK -> "/tasks/";
                case REPORT -> "/reports/";
                case ACCOUNTABILITY -> "/accountability/";
                case HAND_DOWN -> "/handdowns/";
            };
        }

    }

    /**
     * 红 overdue, 黄 due within two working days, 绿 otherwise; NONE without a time limit.
     */
    public enum Light {

        RED, YELLOW, GREEN, NONE

    }

    public String link() {
        return kind.path() + id;
    }
}

package org.duban.campaign;

import org.duban.shared.BureauClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.duban.notification.Notifications;
import org.duban.organization.PermissionHolders;
import org.duban.organization.PermissionHolders.Reach;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Daily reminders for the key-task plan: to the owner unit's staff who report progress,
 * {@value #DAYS_AHEAD} days before a deadline and when a task is overdue.
 * ShedLock-guarded; idempotent through the notification dedup key.
 */
@Component
public class KeyTaskReminders {

    static final int DAYS_AHEAD = 3;

    private final JdbcClient jdbc;

    private final Notifications notifications;

    private final KeyTasks tasks;

    private final MessageSource messages;

    private final PermissionHolders holders;

    KeyTaskReminders(JdbcClient jdbc, Notifications notifications, KeyTasks tasks, MessageSource messages,
            PermissionHolders holders) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.notifications = notifications;
        this.tasks = tasks;
        this.messages = messages;
    }

    @Scheduled(cron = "${duban.keytask.reminders.cron:0 5 8 * * *}",
            zone = "${duban.zone:" + BureauClock.DEFAULT_ZONE + "}")
    @SchedulerLock(name = "keytask-reminders", lockAtMostFor = "PT20M", lockAtLeastFor = "PT1M")
    public void daily() {
        remind(tasks.today());
    }

    @Transactional
    public int remind(LocalDate today) {
        int sent = 0;
        for (Map<String, Object> t : jdbc.sql("""
                select id, title, deadline, owner_unit_id from key_task
                where status <> 'DONE' and deadline <= :horizon and deadline >= :oldest
                """)
            .param("horizon", Date.valueOf(today.plusDays(DAYS_AHEAD)))
            .param("oldest", Date.valueOf(today.minusDays(30)))
            .query()
            .listOfRows()) {
            LocalDate deadline = ((Date) t.get("deadline")).toLocalDate();
            String kind = today.isAfter(deadline) ? "overdue" : "dueSoon";
            String title = messages.getMessage("keytask.reminder." + kind,
                    new Object[] { t.get("title"), deadline.toString() }, Locale.CHINA);
            for (UUID staff : holders.of((UUID) t.get("owner_unit_id"), "keytask:task:progress", Reach.UNIT)) {
                sent += notifications.sendWithEmail(staff, title, null, "/tasks/" + t.get("id"),
                        "task:" + t.get("id") + ":" + kind + ":" + deadline) ? 1 : 0;
            }
        }
        return sent;
    }

}

package org.duban.ledger;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The daily reminder run: an in-app notification to the assigned unit's staff when a
 * problem's time limit ends within {@value #DAYS_AHEAD} working days, and when it is
 * overdue, then also to whoever assigned it (escalation). Guarded by ShedLock so that one
 * of several instances runs it; idempotent per problem, kind and due date through the
 * notification dedup key, so a rerun sends nothing twice. Confidential clues are
 * announced only to staff who may read them.
 */
@Component
public class LedgerReminders {

    static final int DAYS_AHEAD = 2;

    private final JdbcClient jdbc;

    private final Notifications notifications;

    private final WorkingDays workingDays;

    private final ProblemLedger ledger;

    private final MessageSource messages;

    private final PermissionHolders holders;

    LedgerReminders(JdbcClient jdbc, Notifications notifications, WorkingDays workingDays, ProblemLedger ledger,
            MessageSource messages, PermissionHolders holders) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.notifications = notifications;
        this.workingDays = workingDays;
        this.ledger = ledger;
        this.messages = messages;
    }

    @Scheduled(cron = "${duban.ledger.reminders.cron:0 0 8 * * *}",
            zone = "${duban.zone:" + BureauClock.DEFAULT_ZONE + "}")
    @SchedulerLock(name = "ledger-reminders", lockAtMostFor = "PT20M", lockAtLeastFor = "PT1M")
    public void daily() {
        remind(ledger.today());
    }

    /**
     * Sends the reminders due on {@code today}; returns the number of messages stored.
     */
    @Transactional
    public int remind(LocalDate today) {
        LocalDate horizon = workingDays.add(today, DAYS_AHEAD);
        List<Map<String, Object>> due = jdbc.sql("""
                select id, reference, due_on, assigned_unit_id, assigned_by, confidential from problem
                where status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING') and due_on is not null
                  and assigned_unit_id is not null and due_on <= :horizon
                """).param("horizon", Date.valueOf(horizon)).query().listOfRows();
        int sent = 0;
        for (Map<String, Object> p : due) {
            UUID id = (UUID) p.get("id");
            LocalDate dueOn = ((Date) p.get("due_on")).toLocalDate();
            boolean overdue = today.isAfter(dueOn);
            boolean confidential = (Boolean) p.get("confidential");
            String kind = overdue ? "overdue" : "dueSoon";
            String title = messages.getMessage("reminder.problem." + kind,
                    new Object[] { p.get("reference"), dueOn.toString() }, Locale.CHINA);
            String link = "/problems/" + id;
            String key = "problem:" + id + ":" + kind + ":" + dueOn;
            for (UUID staff : recipients((UUID) p.get("assigned_unit_id"), confidential)) {
                sent += notifications.sendWithEmail(staff, title, null, link, key) ? 1 : 0;
            }
            if (overdue && p.get("assigned_by") != null) {
                String escalation = messages.getMessage("reminder.problem.escalation",
                        new Object[] { p.get("reference"), dueOn.toString() }, Locale.CHINA);
                for (UUID staff : jdbc.sql("select id from staff where login = :l and enabled")
                    .param("l", p.get("assigned_by"))
                    .query(UUID.class)
                    .list()) {
                    sent += notifications.sendWithEmail(staff, escalation, null, link, key + ":escalated") ? 1 : 0;
                }
            }
        }
        return sent;
    }

    /**
     * Enabled staff of the unit who may read the problem (and, for a confidential clue,
     * confidential clues).
     */
    private List<UUID> recipients(UUID unit, boolean confidential) {
        return holders.of(unit, "ledger:problem:read", Reach.UNIT, confidential ? "ledger:clue:confidential" : null,
                null);
    }

}

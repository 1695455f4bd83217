package org.duban.reporting;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reminds a bureau's work team, in the last {@value #DAYS_BEFORE_MONTH_END} days of a
 * month, that its monthly report has not been submitted yet (the notice: 每月月底前报送). Runs
 * daily under ShedLock; idempotent per bureau, month and recipient through the
 * notification dedup key.
 */
@Component
class ReportReminders {

    static final int DAYS_BEFORE_MONTH_END = 3;

    private final JdbcClient jdbc;

    private final Notifications notifications;

    private final MessageSource messages;

    private final Clock clock;

    private final PermissionHolders holders;

    ReportReminders(JdbcClient jdbc, Notifications notifications, MessageSource messages, Clock clock,
            PermissionHolders holders) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(cron = "${duban.reporting.reminders.cron:0 30 8 * * *}",
            zone = "${duban.zone:" + BureauClock.DEFAULT_ZONE + "}")
    @SchedulerLock(name = "reporting-reminders", lockAtMostFor = "PT20M", lockAtLeastFor = "PT1M")
    public void daily() {
        remind(LocalDate.now(clock)); // the Clock bean runs in the bureau zone
                                      // (BureauClock)
    }

    /**
     * Sends the reminders due on {@code today}; returns the number of messages stored.
     */
    @Transactional
    int remind(LocalDate today) {
        if (today.getDayOfMonth() <= today.lengthOfMonth() - DAYS_BEFORE_MONTH_END) {
            return 0;
        }
        LocalDate month = today.withDayOfMonth(1);
        // County bureaus taking part in an active campaign (issued by themselves or above
        // them) without a monthly
        // report for this month that has gone upward.
        List<Map<String, Object>> late = jdbc.sql("""
                select b.id, b.name from org_unit b
                where b.kind = 'COUNTY_BUREAU'
                  and exists (select 1 from campaign c join org_unit o on o.id = c.owner_unit_id
                              where c.status = 'ACTIVE' and b.path like o.path || '%')
                  and not exists (select 1 from report r
                                  where r.unit_id = b.id and r.kind = 'MONTHLY' and r.period = :month
                                    and r.status in ('SUBMITTED', 'RECEIVED'))
                """).param("month", Date.valueOf(month)).query().listOfRows();
        int sent = 0;
        for (Map<String, Object> bureau : late) {
            String title = messages.getMessage("reminder.monthlyReport",
                    new Object[] { String.valueOf(month.getYear()), String.valueOf(month.getMonthValue()) },
                    Reports.DOCUMENT_LOCALE);
            String key = "report:monthly:" + bureau.get("id") + ":" + month;
            for (UUID staff : holders.of((UUID) bureau.get("id"), "reporting:report:write", Reach.BUREAU)) {
                sent += notifications.send(staff, title, null, "/reports", key) ? 1 : 0;
            }
        }
        return sent;
    }

}

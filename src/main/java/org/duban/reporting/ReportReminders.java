package org.duban.reporting;

import org.duban.shared.BureauClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.duban.campaign.CampaignStatus;
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
import java.util.Set;
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

    private final Reports reports;

    private final PermissionHolders holders;

    ReportReminders(JdbcClient jdbc, Notifications notifications, MessageSource messages, Clock clock, Reports reports,
            PermissionHolders holders) {
        this.reports = reports;
        this.holders = holders;
        this.jdbc = jdbc;
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
        remindUnits(LocalDate.now(clock));
    }

    /**
     * Reminds a unit's staff, in the last {@value #DAYS_BEFORE_MONTH_END} days before the
     * due date of last month's report to their bureau (the last working day of this
     * month), that it has not gone yet; once per unit, month and person. Returns the
     * number of messages stored.
     */
    @Transactional
    int remindUnits(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1).minusMonths(1);
        LocalDate due = reports.dueOn(month);
        if (today.isAfter(due) || today.isBefore(due.minusDays(DAYS_BEFORE_MONTH_END))) {
            return 0;
        }
        List<UUID> late = jdbc.sql("""
                select u.id from org_unit u
                where u.kind = any(:kinds)
                  and exists (select 1 from campaign c join org_unit o on o.id = c.owner_unit_id
                              where c.status = :active and c.starts_on <= :month and u.path like o.path || '%')
                  and not exists (select 1 from report r
                                  where r.unit_id = u.id and r.kind = :monthly and r.period = :month
                                    and r.channel = :channel and r.submitted_version > 0)
                """)
            .param("kinds", Reports.REPORTING_UNITS.stream().map(Enum::name).toArray(String[]::new))
            .param("active", CampaignStatus.ACTIVE.name())
            .param("month", Date.valueOf(month))
            .param("monthly", ReportKind.MONTHLY.name())
            .param("channel", ReportChannel.UNIT_TO_BUREAU.name())
            .query(UUID.class)
            .list();
        String title = messages.getMessage("reminder.unitMonthlyReport",
                new Object[] { String.valueOf(month.getYear()), String.valueOf(month.getMonthValue()), due.toString() },
                Reports.DOCUMENT_LOCALE);
        int sent = 0;
        for (UUID unit : late) {
            sent += send(unitWriters(unit), title, "report:unit-monthly:" + unit + ":" + month);
        }
        return sent;
    }

    /**
     * Sends one reminder to each recipient; returns how many were stored (not
     * deduplicated).
     */
    private int send(List<UUID> recipients, String title, String key) {
        int sent = 0;
        for (UUID staff : recipients) {
            sent += notifications.send(staff, title, null, "/reports", key) ? 1 : 0;
        }
        return sent;
    }

    /** Enabled staff of the unit itself who write its report (unit-scoped roles). */
    private List<UUID> unitWriters(UUID unit) {
        return holders.withRoleScope(unit, ReportingRoutes.WRITE, Reach.UNIT, Set.of("OWN_UNIT", "UNIT_AND_BELOW"));
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
            sent += send(writers((UUID) bureau.get("id")), title, "report:monthly:" + bureau.get("id") + ":" + month);
        }
        return sent;
    }

    /**
     * Enabled staff of the bureau who write its reports: the permission held through a
     * bureau-wide role, not the unit staff who write their own unit's report.
     */
    private List<UUID> writers(UUID bureau) {
        return holders.withRoleScope(bureau, ReportingRoutes.WRITE, Reach.BUREAU, Set.of("BUREAU", "ALL"));
    }

}

package org.duban.notification;

import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.StaleEditException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Time;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each person's choice of external channels: email (on by default), SMS (off), the kinds
 * of notice muted there (the inbox always gets everything) and the quiet hours in which
 * no SMS goes out unless urgent (22:00–07:00).
 */
@Service
public class NotificationPreferences {

    /**
     * The kinds of notice a person can mute outside the inbox. Labels:
     * {@code notification.kind.*}.
     */
    public static final Set<String> KINDS = Set.of("PROBLEM", "COMPLAINT", "REPORT", "KEY_TASK", "URGE");

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Preference(boolean email, boolean sms, Set<String> mutedKinds, LocalTime quietFrom, LocalTime quietTo,
            long version) {

        static final Preference DEFAULT = new Preference(true, false, Set.of(), LocalTime.of(22, 0), LocalTime.of(7, 0),
                -1);

        public boolean muted(String kind) {
            return mutedKinds.contains(kind);
        }
    }

    @Transactional(readOnly = true)
    public Preference of(UUID staffId) {
        return jdbc.sql("select * from notification_preference where staff_id = :id")
            .param("id", staffId)
            .query((rs, n) -> new Preference(rs.getBoolean("email"), rs.getBoolean("sms"),
                    Arrays.stream(rs.getString("muted_kinds").split(","))
                        .filter(KINDS::contains)
                        .collect(Collectors.toCollection(TreeSet::new)),
                    rs.getTime("quiet_from").toLocalTime(), rs.getTime("quiet_to").toLocalTime(),
                    rs.getLong("version")))
            .optional()
            .orElse(Preference.DEFAULT);
    }

    /**
     * Saves the person's own preferences, guarded by the version they saw (-1: none saved
     * yet).
     */
    @Transactional
    public void save(UUID staffId, Preference p, long version) {
        if (p.quietFrom() == null || p.quietTo() == null) {
            throw new BusinessRuleViolation("notification.preferences.quietRequired");
        }
        if (p.sms() && !MobileNumbers.isMobile(jdbc.sql("select phone from staff where id = :id")
            .param("id", staffId)
            .query(String.class)
            .optional()
            .orElse(null))) {
            throw new BusinessRuleViolation("notification.preferences.noMobile");
        }
        String muted = p.mutedKinds().stream().filter(KINDS::contains).sorted().collect(Collectors.joining(","));
        int n;
        if (version < 0) {
            n = jdbc.sql("""
                    insert into notification_preference (staff_id, email, sms, muted_kinds, quiet_from, quiet_to)
                    values (:id, :email, :sms, :muted, :from, :to) on conflict (staff_id) do nothing
                    """)
                .param("id", staffId)
                .param("email", p.email())
                .param("sms", p.sms())
                .param("muted", muted)
                .param("from", Time.valueOf(p.quietFrom()))
                .param("to", Time.valueOf(p.quietTo()))
                .update();
        }
        else {
            n = jdbc.sql("""
                    update notification_preference set email = :email, sms = :sms, muted_kinds = :muted,
                           quiet_from = :from, quiet_to = :to, version = version + 1
                    where staff_id = :id and version = :version
                    """)
                .param("id", staffId)
                .param("email", p.email())
                .param("sms", p.sms())
                .param("muted", muted)
                .param("from", Time.valueOf(p.quietFrom()))
                .param("to", Time.valueOf(p.quietTo()))
                .param("version", version)
                .update();
        }
        if (n == 0) {
            throw new StaleEditException("notification preferences", null, null);
        }
    }

}

package org.duban.screening;

import org.duban.audit.AuditEvent;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds of the rules (every one a setting, never a constant in code) and which
 * rules are enabled.
 */
@Service
public class ScreeningSettings {

    /** One setting as shown on the settings page. */
    public record Setting(String key, String value, String kind, long version, String updatedBy, Instant updatedAt) {
    }

    /** One rule with its category, subject and whether it runs. */
    public record Rule(String code, String category, String subject, boolean enabled, long version) {
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ScreeningSettings(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Setting> list() {
        return jdbc.sql("select * from screening_setting order by sort")
            .query((rs, n) -> new Setting(rs.getString("key"), rs.getString("value"), rs.getString("kind"),
                    rs.getLong("version"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
            .list();
    }

    /** The settings as SQL parameters: numbers as numbers. */
    @Transactional(readOnly = true)
    public Map<String, Object> parameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Setting s : list()) {
            params.put(s.key(), s.kind().equals("NUMBER") ? new BigDecimal(s.value()) : s.value());
        }
        return params;
    }

    @Transactional(readOnly = true)
    public List<Rule> rules() {
        return jdbc.sql("select * from screening_rule order by sort")
            .query((rs, n) -> new Rule(rs.getString("code"), rs.getString("category"), rs.getString("subject"),
                    rs.getBoolean("enabled"), rs.getLong("version")))
            .list();
    }

    @Transactional
    public void update(String key, String value, long version) {
        Setting before = list().stream()
            .filter(s -> s.key().equals(key))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("setting " + key));
        String v = value == null ? "" : value.strip();
        if (before.kind().equals("NUMBER")) {
            try {
                if (new BigDecimal(v).signum() < 0) {
                    throw new BusinessRuleViolation("screening.settings.negative");
                }
            }
            catch (NumberFormatException e) {
                throw new BusinessRuleViolation("screening.settings.notANumber");
            }
        }
        else if (v.isEmpty() || v.length() > 100) {
            throw new BusinessRuleViolation("screening.settings.empty");
        }
        int updated = jdbc.sql("""
                update screening_setting set value = :value, version = version + 1, updated_by = :by, updated_at = :at
                where key = :key and version = :version
                """)
            .param("value", v)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("key", key)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw new StaleEditException(key, before.updatedBy(), before.updatedAt());
        }
        events.publishEvent(AuditEvent.change("screening.setting.updated", "screening_setting", key,
                Map.of("value", before.value()), Map.of("value", v)));
    }

    @Transactional
    public void enable(String code, boolean enabled, long version) {
        int updated = jdbc
            .sql("""
                    update screening_rule set enabled = :enabled, version = version + 1 where code = :code and version = :version
                    """)
            .param("enabled", enabled)
            .param("code", code)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw new StaleEditException(code, "-", clock.instant());
        }
        events.publishEvent(AuditEvent.change("screening.rule.updated", "screening_rule", code,
                Map.of("enabled", !enabled), Map.of("enabled", enabled)));
    }

}

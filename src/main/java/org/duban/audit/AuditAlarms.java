package org.duban.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Alarms about the audit chain: each problem a verification finds is logged at ERROR and
 * kept, so that the administrators' and auditors' pages show a banner until the chain is
 * examined.
 */
@Service
public class AuditAlarms {

    private static final Logger log = LoggerFactory.getLogger(AuditAlarms.class);

    /** Shown on the bureau's clock: {@code @bureauClock.minutes(alarm.raisedAt())}. */
    public record Alarm(Instant raisedAt, String kind, String detail) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    AuditAlarms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * In a transaction of its own: the alarm stays even when the caller's work rolls
     * back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void raise(List<AuditTrail.Problem> problems) {
        for (AuditTrail.Problem problem : problems) {
            log.error("AUDIT CHAIN ALARM {}: {}", problem.kind(), problem.detail());
            jdbc.sql("insert into audit_alarm (raised_at, kind, detail) values (:at, :kind, :detail)")
                .param("at", Timestamp.from(clock.instant()))
                .param("kind", problem.kind())
                .param("detail", problem.detail())
                .update();
        }
    }

    /** The most recent alarms (the banner shows the newest few). */
    @Transactional(readOnly = true)
    public List<Alarm> recent() {
        return jdbc.sql("select * from audit_alarm order by id desc limit 5")
            .query((rs, n) -> new Alarm(rs.getTimestamp("raised_at").toInstant(), rs.getString("kind"),
                    rs.getString("detail")))
            .list();
    }

}

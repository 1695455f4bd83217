package org.duban.suggestion;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The suggestion box. Those who answer ({@code suggestion:box:answer}) and read
 * ({@code suggestion:box:read}) see the suggestions of units in their scope; everyone
 * sees their own named ones. An anonymous suggestion keeps only the unit: nobody, not
 * even the database, knows who wrote it (the audit trail records the unit, not the
 * actor).
 */
@Service
public class Suggestions {

    /** The actor recorded for an anonymous suggestion. */
    static final String ANONYMOUS = "anonymous";

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Suggestions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private static final String SELECT = """
            select g.*, s.name as author_name from suggestion g left join staff s on s.id = g.author_id
            """;

    @Transactional(readOnly = true)
    public List<Suggestion> inScope(DataScope scope) {
        return jdbc.sql(SELECT + " where g.unit_id = any(:units) order by g.created_at desc, g.id")
            .param("units", scope.unitArray())
            .query(Suggestions::map)
            .list();
    }

    @Transactional(readOnly = true)
    public List<Suggestion> mine() {
        return jdbc.sql(SELECT + " where g.author_id = :me order by g.created_at desc, g.id")
            .param("me", CurrentUser.require().staffId())
            .query(Suggestions::map)
            .list();
    }

    /** One suggestion: in scope for readers, or the caller's own. */
    @Transactional(readOnly = true)
    public Suggestion get(UUID id, DataScope scope, boolean reader) {
        DubanUser me = CurrentUser.require();
        return jdbc.sql(SELECT + " where g.id = :id and ((:reader and g.unit_id = any(:units)) or g.author_id = :me)")
            .param("id", id)
            .param("reader", reader)
            .param("units", scope.unitArray())
            .param("me", me.staffId())
            .query(Suggestions::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("suggestion " + id));
    }

    @Transactional
    public UUID submit(SuggestionForm form) {
        DubanUser me = CurrentUser.require();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into suggestion (id, unit_id, author_id, topic, text, created_at)
                values (:id, :unit, :author, :topic, :text, :at)
                """)
            .param("id", id)
            .param("unit", me.unitId())
            .param("author", form.anonymousOrNot() ? null : me.staffId())
            .param("topic", form.topic().name())
            .param("text", form.text().strip())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        AuditEvent audit = AuditEvent.change("suggestion.submitted", "suggestion", id, Map.of(),
                Map.of("topic", form.topic().name(), "anonymous", form.anonymousOrNot()));
        if (form.anonymousOrNot()) {
            // The audit trail records the signed-in actor; for an anonymous suggestion it
            // records a placeholder,
            // so that not even the auditor can tell who wrote it.
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(ANONYMOUS, null, List.of()));
            try {
                events.publishEvent(audit);
            }
            finally {
                SecurityContextHolder.getContext().setAuthentication(signedIn);
            }
        }
        else {
            events.publishEvent(audit);
        }
        events.publishEvent(new SuggestionSubmitted(id, me.unitId()));
        return id;
    }

    @Transactional
    public void answer(UUID id, long version, String reply, DataScope scope) {
        Suggestion before = get(id, scope, true);
        if (before.version() != version) {
            throw stale(id);
        }
        SuggestionStatus to = before.answer(reply);
        int n = jdbc.sql("""
                update suggestion set status = :status, answer = :answer, answered_by = :by, answered_at = :at,
                       version = version + 1
                where id = :id and version = :version
                """)
            .param("status", to.name())
            .param("answer", reply.strip())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", version)
            .update();
        if (n == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("suggestion.answered", "suggestion", id,
                Map.of("status", before.status().name()), Map.of("status", to.name())));
        events.publishEvent(new SuggestionAnswered(id, before.authorId()));
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select answered_by, answered_at from suggestion where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("suggestion " + id, rs.getString("answered_by"),
                    rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
            .single();
    }

    static Suggestion map(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Suggestion(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getObject("author_id", UUID.class), rs.getString("author_name"),
                SuggestionTopic.valueOf(rs.getString("topic")), rs.getString("text"),
                SuggestionStatus.valueOf(rs.getString("status")), rs.getString("answer"), rs.getString("answered_by"),
                answered == null ? null : answered.toInstant(), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant());
    }

}

package org.duban.suggestion;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.NotFoundException;
import org.duban.shared.PageOf;
import org.duban.shared.SqlLike;
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
import java.util.HashMap;
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

    /** The filters of the suggestions list; null = any. */
    public record Filter(SuggestionTopic topic, SuggestionStatus status, String q) {
    }

    /**
     * The list's filters; the keyword is matched in the text and the answer, and in the
     * author's name only where the suggestion was not given anonymously.
     */
    private static final String FILTER = """
             and (cast(:topic as varchar) is null or g.topic = :topic)
             and (cast(:status as varchar) is null or g.status = :status)
             and (cast(:q as varchar) is null or g.text ilike '%' || :q || '%' or g.answer ilike '%' || :q || '%'
                  or (g.author_id is not null and s.name ilike '%' || :q || '%'))
            """;

    private static final String FROM = " from suggestion g left join staff s on s.id = g.author_id";

    /**
     * One page of the suggestions that match: those of units in scope for a reader, the
     * caller's own otherwise; with the count of all that match.
     */
    @Transactional(readOnly = true)
    public PageOf<Suggestion> search(DataScope scope, boolean reader, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("reader", reader);
        params.put("units", scope.unitArray());
        params.put("me", CurrentUser.require().staffId());
        params.put("topic", filter.topic() == null ? null : filter.topic().name());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, "select g.*, s.name as author_name",
                FROM + " where ((:reader and g.unit_id = any(:units)) or (not :reader and g.author_id = :me))" + FILTER,
                "order by g.created_at desc, g.id", params, Suggestions::map, page, size);
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

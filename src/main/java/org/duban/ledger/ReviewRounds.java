package org.duban.ledger;

import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.PageOf;
import org.duban.shared.SqlLike;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * 回头看 rounds of the units in scope; a relapse reopens the problem through the ledger's
 * own transition.
 */
@Service
public class ReviewRounds {

    private final JdbcClient jdbc;

    private final ProblemLedger ledger;

    private final MessageSource messages;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ReviewRounds(JdbcClient jdbc, ProblemLedger ledger, MessageSource messages, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The filters of the reviews list; null = any. */
    public record Filter(ReviewStatus status, UUID unit, String q) {
    }

    /**
     * The list's filters; the keyword is matched in the title and in the numbers of the
     * problems the round looks at again.
     */
    private static final String FILTER = """
             from review_round r where r.unit_id = any(:units)
             and (cast(:status as varchar) is null or r.status = :status)
             and (cast(:unit as uuid) is null or r.unit_id = :unit)
             and (cast(:q as varchar) is null or r.title ilike '%' || :q || '%'
                  or exists (select 1 from review_item i join problem p on p.id = i.problem_id
                             where i.round_id = r.id and p.reference ilike '%' || :q || '%'))
            """;

    /** One page of the rounds in scope that match, with the count of all that match. */
    @Transactional(readOnly = true)
    public PageOf<ReviewRound> search(DataScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("unit", filter.unit());
        params.put("q", SqlLike.word(filter.q()));
        PageOf<UUID> ids = PageOf.query(jdbc, "select r.id", FILTER, "order by r.planned_on desc, r.id", params,
                (rs, n) -> rs.getObject("id", UUID.class), page, size);
        return new PageOf<>(ids.items().stream().map(id -> get(id, scope)).toList(), ids.total(), ids.number(),
                ids.size());
    }

    @Transactional(readOnly = true)
    public ReviewRound get(UUID id, DataScope scope) {
        List<ReviewRound.Item> items = jdbc.sql("""
                select i.*, p.reference, p.status as problem_status from review_item i
                join problem p on p.id = i.problem_id where i.round_id = :id order by p.reference
                """)
            .param("id", id)
            .query((rs, n) -> new ReviewRound.Item(rs.getObject("problem_id", UUID.class), rs.getString("reference"),
                    ProblemStatus.valueOf(rs.getString("problem_status")),
                    rs.getString("result") == null ? null : ReviewResult.valueOf(rs.getString("result")),
                    rs.getString("note"), rs.getString("reviewed_by")))
            .list();
        return jdbc.sql("select * from review_round where id = :id and unit_id = any(:units)")
            .param("id", id)
            .param("units", scope.unitArray())
            .query((rs, n) -> new ReviewRound(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                    rs.getString("title"), rs.getDate("planned_on").toLocalDate(),
                    ReviewStatus.valueOf(rs.getString("status")),
                    rs.getDate("completed_on") == null ? null : rs.getDate("completed_on").toLocalDate(),
                    rs.getLong("version"), items))
            .optional()
            .orElseThrow(() -> new NotFoundException("review " + id));
    }

    @Transactional
    public UUID plan(String title, LocalDate plannedOn, UUID unitId, DataScope scope) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new BusinessRuleViolation("review.titleRequired");
        }
        if (plannedOn == null) {
            throw new BusinessRuleViolation("review.dateRequired");
        }
        if (unitId == null || !scope.includes(unitId)) {
            throw new BusinessRuleViolation("review.unitOutOfScope");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(
                """
                        insert into review_round (id, unit_id, title, planned_on, created_by, created_at, updated_by, updated_at)
                        values (:id, :unit, :title, :on, :by, :at, :by, :at)
                        """)
            .param("id", id)
            .param("unit", unitId)
            .param("title", title.strip())
            .param("on", Date.valueOf(plannedOn))
            .param("by", CurrentUser.actor())
            .param("at", now)
            .update();
        events.publishEvent(AuditEvent.change("review.planned", "review_round", id, Map.of(),
                Map.of("title", title.strip(), "plannedOn", plannedOn.toString())));
        return id;
    }

    @Transactional
    public void add(UUID id, long version, String reference, DataScope scope) {
        ReviewRound round = get(id, scope);
        Problem problem = ledger.findByReference(reference, scope)
            .orElseThrow(() -> new BusinessRuleViolation("review.add.unknownProblem", reference));
        round.add(problem.id(), problem.status());
        touch(round, version);
        jdbc.sql("insert into review_item (round_id, problem_id) values (:id, :problem)")
            .param("id", id)
            .param("problem", problem.id())
            .update();
        events.publishEvent(AuditEvent.change("review.problemAdded", "review_round", id, Map.of(),
                Map.of("problem", problem.reference())));
    }

    /**
     * Records the result; a relapse reopens the problem (rectifying again) with the round
     * and the note as reason.
     */
    @Transactional
    public void record(UUID id, long version, UUID problemId, ReviewResult result, String note, DataScope scope) {
        ReviewRound round = get(id, scope);
        round.record(problemId, result, note);
        touch(round, version);
        jdbc.sql("""
                update review_item set result = :result, note = :note, reviewed_by = :by, reviewed_at = :at
                where round_id = :id and problem_id = :problem
                """)
            .param("result", result.name())
            .param("note", note == null || note.isBlank() ? null : note.strip())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("problem", problemId)
            .update();
        if (result == ReviewResult.RELAPSED) {
            Problem problem = ledger.get(problemId, scope);
            ledger.reopen(problemId, problem.version(), messages.getMessage("review.reopenReason",
                    new Object[] { round.title(), note.strip() }, Locale.SIMPLIFIED_CHINESE), scope);
        }
        events.publishEvent(AuditEvent.change("review.recorded", "review_round", id, Map.of(),
                Map.of("problem", problemId.toString(), "result", result.name())));
    }

    @Transactional
    public void complete(UUID id, long version, LocalDate on, DataScope scope) {
        ReviewRound round = get(id, scope);
        ReviewStatus to = round.complete(on, LocalDate.now(clock));
        int n = jdbc.sql("""
                update review_round set status = :status, completed_on = :on, version = version + 1,
                       updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", to.name())
            .param("on", Date.valueOf(on))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", version)
            .update();
        if (n == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("review.completed", "review_round", id,
                Map.of("status", round.status().name()), Map.of("status", to.name(), "completedOn", on.toString())));
    }

    /**
     * Every change of a round goes through its version, so two people recording at once
     * do not both win.
     */
    private void touch(ReviewRound round, long version) {
        int n = jdbc.sql("""
                update review_round set version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", round.id())
            .param("version", version)
            .update();
        if (n == 0) {
            throw stale(round.id());
        }
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from review_round where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("review " + id, rs.getString("updated_by"),
                    rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
            .single();
    }

}

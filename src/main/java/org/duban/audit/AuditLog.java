package org.duban.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading the operation log for auditors: filtered, newest first, a page at a time. */
@Service
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    /** One page of entries; {@code hasNext} tells whether an older page exists. */
    public record Page(List<AuditEntry> entries, int number, boolean hasNext) {
        public boolean hasPrevious() {
            return number > 0;
        }
    }

    private final JdbcClient jdbc;

    private final ZoneId zone;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @Transactional(readOnly = true)
    public Page search(AuditQuery q) {
        int page = q.pageNumber();
        // Every filter is a bound parameter; a null parameter switches its condition off.
        List<AuditEntry> rows = jdbc.sql("""
                select * from audit_log
                where (cast(:actor as text) is null or actor = :actor)
                  and (cast(:action as text) is null or action like :action escape '\\')
                  and (cast(:objectType as text) is null or object_type = :objectType)
                  and (cast(:objectId as text) is null or object_id = :objectId)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                  and (cast(:outcome as text) is null or outcome = :outcome)
                order by seq desc
                limit :limit offset :offset
                """)
            .param("actor", blankToNull(q.actor()))
            .param("action", blankToNull(q.action()) == null ? null : escapeLike(q.action().trim()) + "%")
            .param("objectType", blankToNull(q.objectType()))
            .param("objectId", blankToNull(q.objectId()))
            .param("from", q.from() == null ? null : Timestamp.from(q.from().atStartOfDay(zone).toInstant()))
            .param("to", q.to() == null ? null : Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()))
            .param("outcome", q.outcome() == null ? null : q.outcome().name())
            .param("limit", PAGE_SIZE + 1)
            .param("offset", (long) page * PAGE_SIZE)
            .query((rs, n) -> AuditEntry.from(rs))
            .list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, hasNext);
    }

    /**
     * The names of the entries' objects, keyed "type:id", from the modules that name them
     * (one query per type on the page).
     */
    @Transactional(readOnly = true)
    public Map<String, String> names(List<AuditEntry> entries, List<AuditObjectNames> namers) {
        Map<String, String[]> idsByType = entries.stream()
            .filter(e -> e.objectType() != null && e.objectId() != null)
            .collect(Collectors.groupingBy(AuditEntry::objectType, Collectors.collectingAndThen(
                    Collectors.mapping(AuditEntry::objectId, Collectors.toSet()), ids -> ids.toArray(String[]::new))));
        Map<String, String> names = new HashMap<>();
        for (AuditObjectNames namer : namers) {
            String[] ids = idsByType.get(namer.objectType());
            if (ids != null) {
                jdbc.sql(namer.nameQuery()).param("ids", ids).query(rs -> {
                    names.put(namer.objectType() + ":" + rs.getString("id"), rs.getString("name"));
                });
            }
        }
        return names;
    }

    /** The zone in which the page shows times and reads dates. */
    public ZoneId zone() {
        return zone;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}

package org.duban.audit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    private final MessageSource messages;

    AuditLog(JdbcClient jdbc, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
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
            if (ids != null && namer.messagePrefix() != null) {
                Locale locale = LocaleContextHolder.getLocale();
                for (String id : ids) {
                    String label = messages.getMessage(namer.messagePrefix() + id, null, null, locale);
                    if (label != null) {
                        names.put(namer.objectType() + ":" + id, label);
                    }
                }
            }
            if (ids != null && namer.nameQuery() != null) {
                jdbc.sql(namer.nameQuery()).param("ids", ids).param("zone", zone.getId()).query(rs -> {
                    names.put(namer.objectType() + ":" + rs.getString("id"), rs.getString("name"));
                });
            }
        }
        // The people who acted, by name (the log keeps the login they signed in with).
        String[] actors = entries.stream().map(AuditEntry::actor).distinct().toArray(String[]::new);
        // What the application did itself (the demonstration's loaders, jobs) is logged
        // as
        // "system", which no staff record names.
        names.put("actor:system", messages.getMessage("actor.system", null, "system", LocaleContextHolder.getLocale()));
        namers.stream()
            .filter(n -> "staff".equals(n.objectType()) && n.nameQuery() != null)
            .findFirst()
            .ifPresent(staff -> jdbc.sql(staff.nameQuery()).param("ids", actors).query(rs -> {
                names.put("actor:" + rs.getString("id"), rs.getString("name"));
            }));
        // Ids among the old and new values (a parent campaign, units, inspectors) are
        // named by
        // whichever module knows them; the value's text with its ids so named is kept
        // under
        // "value:<text>". An id nobody names is said to be an internal record.
        List<String> values = entries.stream()
            .flatMap(e -> e.changes().stream())
            .flatMap(c -> java.util.stream.Stream.of(c.before(), c.after()))
            .filter(v -> v != null && AN_ID.matcher(v).find())
            .distinct()
            .toList();
        String[] valueIds = values.stream()
            .flatMap(v -> AN_ID.matcher(v).results().map(java.util.regex.MatchResult::group))
            .distinct()
            .toArray(String[]::new);
        Map<String, String> idNames = new HashMap<>();
        if (valueIds.length > 0) {
            for (AuditObjectNames namer : namers) {
                if (namer.nameQuery() != null) {
                    jdbc.sql(namer.nameQuery()).param("ids", valueIds).param("zone", zone.getId()).query(rs -> {
                        // A record whose naming column is empty is named by the next
                        // namer, or said to be internal.
                        String name = rs.getString("name");
                        if (name != null && !name.isBlank()) {
                            idNames.putIfAbsent(rs.getString("id"), name);
                        }
                    });
                }
            }
        }
        String internal = messages.getMessage("audit.value.record", null, LocaleContextHolder.getLocale());
        for (String value : values) {
            names.put("value:" + value, AN_ID.matcher(value)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(idNames.getOrDefault(m.group(), internal))));
        }
        return names;
    }

    /**
     * The fields of the entries' changes, and their values, that a module names in words
     * (an inspection's checklist items, a status's codes): "type:field" and
     * "type:field=value" to the label.
     */
    public Map<String, String> fieldNames(List<AuditEntry> entries, List<AuditFieldNames> namers, Locale locale) {
        Map<String, String> names = new HashMap<>();
        for (AuditEntry entry : entries) {
            // A yes-or-no field (anonymous, confidential, enabled) is written as true or
            // false whatever its module; the log says 是 or 否.
            for (AuditEntry.FieldChange change : entry.changes()) {
                for (String value : new String[] { change.before(), change.after() }) {
                    if ("true".equals(value) || "false".equals(value)) {
                        names.put(entry.objectType() + ":" + change.field() + "=" + value,
                                messages.getMessage("audit.value." + value, null, locale));
                    }
                }
            }
            for (AuditFieldNames namer : namers) {
                if (!namer.objectType().equals(entry.objectType())) {
                    continue;
                }
                for (AuditEntry.FieldChange change : entry.changes()) {
                    String key = entry.objectType() + ":" + change.field();
                    // A namer may name the field, its values, or both: a status keeps the
                    // messages' field name but has its codes named by its module.
                    String label = names.containsKey(key) ? names.get(key) : namer.field(change.field(), locale);
                    if (label != null) {
                        names.put(key, label);
                    }
                    for (String value : new String[] { change.before(), change.after() }) {
                        String valueLabel = value == null ? null : namer.value(change.field(), value, locale);
                        if (valueLabel != null) {
                            names.put(key + "=" + value, valueLabel);
                        }
                    }
                }
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern AN_ID = java.util.regex.Pattern
        .compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

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

package org.duban.ledger;

import org.duban.organization.StaffNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The problem timeline as people read it: field names and coded values (status, category,
 * source, units, items, yes/no) replaced by their labels in the user's language; free
 * text and dates stay as recorded.
 */
@Component
class TimelineLabels {

    record Row(LocalDateTime at, String actor, String action, String field, String oldValue, String newValue) {
    }

    private static final Set<String> UNIT_FIELDS = Set.of("unitId", "assigned_unit_id", "responsible_unit_id");

    private static final Set<String> YES_NO_FIELDS = Set.of("confidential", "officersNamed");

    private final MessageSource messages;

    private final StaffNames staffNames;

    TimelineLabels(MessageSource messages, StaffNames staffNames) {
        this.messages = messages;
        this.staffNames = staffNames;
    }

    List<Row> rows(List<ProblemLedger.ChangeRow> history, Map<UUID, String> unitNames, Map<String, String> itemNames,
            Locale locale) {
        // People by name, not by login (the history records logins).
        Map<String, String> people = staffNames.byLogin(history.stream().map(ProblemLedger.ChangeRow::actor).toList());
        return history.stream()
            .map(h -> new Row(h.at(), people.getOrDefault(h.actor(), h.actor()), h.action(),
                    h.field() == null ? null
                            : messages.getMessage("timeline.field." + h.field(), null, h.field(), locale),
                    value(h.field(), h.oldValue(), unitNames, itemNames, locale),
                    value(h.field(), h.newValue(), unitNames, itemNames, locale)))
            .toList();
    }

    private String value(String field, String value, Map<UUID, String> unitNames, Map<String, String> itemNames,
            Locale locale) {
        if (field == null || value == null) {
            return value;
        }
        return switch (field) {
            case "status" -> messages.getMessage("problem.status." + value, null, value, locale);
            case "category" -> messages.getMessage("problem.category." + value, null, value, locale);
            case "source" -> messages.getMessage("problem.source." + value, null, value, locale);
            case "root_cause" -> messages.getMessage("problem.rootCause." + value, null, value, locale);
            case "itemCode" -> itemNames.getOrDefault(value, value);
            default -> UNIT_FIELDS.contains(field) ? unitName(value, unitNames) : YES_NO_FIELDS.contains(field)
                    ? messages.getMessage("timeline.value." + value, null, value, locale) : value;
        };
    }

    private static String unitName(String value, Map<UUID, String> unitNames) {
        try {
            return unitNames.getOrDefault(UUID.fromString(value), value);
        }
        catch (IllegalArgumentException notAnId) {
            return value;
        }
    }

}

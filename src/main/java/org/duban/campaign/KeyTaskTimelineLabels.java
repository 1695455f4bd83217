package org.duban.campaign;

import org.duban.organization.StaffNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The key task's timeline as people read it, like the problem timeline (ledger
 * {@code TimelineLabels}): field names replaced by the labels of the task's form, status
 * and phase codes by their names, the owner unit's id by the unit's name, the percentage
 * with its sign, in the user's language; free text and dates stay as recorded.
 */
@Component
class KeyTaskTimelineLabels {

    record Row(LocalDateTime at, String actor, String field, String oldValue, String newValue) {
    }

    private final MessageSource messages;

    private final StaffNames staffNames;

    KeyTaskTimelineLabels(MessageSource messages, StaffNames staffNames) {
        this.messages = messages;
        this.staffNames = staffNames;
    }

    List<Row> rows(List<KeyTask.Change> history, Map<UUID, String> unitNames, Locale locale) {
        // People by name, not by login (the history records logins).
        Map<String, String> people = staffNames.byLogin(history.stream().map(KeyTask.Change::actor).toList());
        return history.stream()
            .map(h -> new Row(h.at(), people.getOrDefault(h.actor(), h.actor()), field(h.field(), locale),
                    value(h.field(), h.oldValue(), unitNames, locale),
                    value(h.field(), h.newValue(), unitNames, locale)))
            .toList();
    }

    private String field(String field, Locale locale) {
        if (field == null) {
            return null;
        }
        String key = switch (field) {
            case "ownerUnitId" -> "ownerUnit";
            case "acceptorLogin" -> "acceptor";
            case "fulfilledByKind" -> "fulfilledBy";
            default -> field;
        };
        return messages.getMessage("keytask.field." + key, null, field, locale);
    }

    private String value(String field, String value, Map<UUID, String> unitNames, Locale locale) {
        if (field == null || value == null) {
            return value;
        }
        return switch (field) {
            case "status" -> messages.getMessage("keytask.status." + value, null, value, locale);
            case "phase" -> messages.getMessage("phase." + value, null, value, locale);
            case "fulfilledByKind" -> messages.getMessage("keytask.report." + value, null, value, locale);
            case "percent" -> value + "%";
            case "ownerUnitId" -> unitName(value, unitNames);
            default -> value;
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

package org.duban.complaint;

import org.duban.shared.BureauClock;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The complaints inbox as a spreadsheet: the columns of the page, in the bureau's time,
 * labels instead of codes, plus what was complained of.
 */
@Component
class ComplaintWorkbook {

    static final List<String> HEADERS = List.of("complaint.col.reference", "complaint.col.submitted",
            "complaint.col.type", "complaint.col.channel", "complaint.col.status", "complaint.col.unit",
            "complaint.col.due", "complaint.overdue", "complaint.field.location", "complaint.field.content");

    private final MessageSource messages;

    private final BureauClock clock;

    ComplaintWorkbook(MessageSource messages, BureauClock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    String fileName(Locale locale) {
        return msg("complaint.export.title", locale) + ".xlsx";
    }

    byte[] write(List<Complaint> complaints, Map<UUID, String> unitNames, LocalDate today, Locale locale) {
        List<List<Object>> rows = complaints.stream()
            .map(c -> Arrays.<Object>asList(c.reference(), clock.minutes(c.submittedAt()),
                    msg("complaint.type." + c.type(), locale), msg("complaint.channel." + c.channel(), locale),
                    msg("complaint.status." + c.status(), locale),
                    unitNames.get(c.handlingUnitId() != null ? c.handlingUnitId() : c.ownerUnitId()), c.dueOn(),
                    c.overdue(today) ? msg("complaint.overdue", locale) : "", c.location(), c.content()))
            .toList();
        return WorkbookStyles.ledger(msg("complaint.export.title", locale),
                HEADERS.stream().map(key -> msg(key, locale)).toList(), rows);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}

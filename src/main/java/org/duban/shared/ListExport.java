package org.duban.shared;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * A filtered list sent as the spreadsheet of what the page shows (ADR 0411, 0414): the
 * list's title, its column headers and one row of values per record, written by
 * {@link WorkbookStyles#ledger} (labels, dates as dates, every text through
 * {@link SpreadsheetText#safe}) and sent as an attachment. The caller runs the page's own
 * query, with the page's filters and scope, for at most {@link #LIMIT} rows.
 */
@Component
public class ListExport {

    /**
     * At most this many rows in the export of a register (a bureau records a few hundred
     * a year; the outbox of an installation a few thousand a month).
     */
    public static final int LIMIT = 20_000;

    private final MessageSource messages;

    ListExport(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The .xlsx named and titled by the message {@code titleKey}, headed by the messages
     * {@code headerKeys}.
     */
    public ResponseEntity<byte[]> xlsx(String titleKey, List<String> headerKeys, List<? extends List<?>> rows,
            Locale locale) {
        String title = label(titleKey, locale);
        List<String> headers = headerKeys.stream().map(key -> label(key, locale)).toList();
        return UploadedFiles.download(title + ".xlsx", WorkbookStyles.XLSX,
                WorkbookStyles.ledger(title, headers, rows));
    }

    /** The message of {@code key}; the key itself when there is none. */
    public String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The message of the first key that has one; {@code fallback} when none has. */
    public String labelOr(String fallback, Locale locale, String... keys) {
        for (String key : keys) {
            String text = messages.getMessage(key, null, null, locale);
            if (text != null) {
                return text;
            }
        }
        return fallback;
    }

}

package org.duban.screening;

import org.apache.poi.ss.usermodel.CellStyle;
import org.duban.shared.ImportColumn;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the import page says about a file of case records or of the penalty benchmark: its
 * columns (from {@link ContractFormat}) and a template workbook with the Chinese headers
 * the reader accepts. The template has no example row: the import would take it for a
 * real case or benchmark entry.
 */
@Component
class ImportTemplates {

    /** Rows of the template offering an enumeration's words as a choice. */
    private static final int CHOICE_ROWS = 1000;

    private final MessageSource messages;

    ImportTemplates(MessageSource messages) {
        this.messages = messages;
    }

    static ContractFormat format(String kind) {
        return "BENCHMARK".equals(kind) ? ContractFormat.BENCHMARK : ContractFormat.CASES;
    }

    List<ImportColumn> columns(ContractFormat format, Locale locale) {
        return format.columns()
            .stream()
            .map(c -> new ImportColumn(c.chineseHeader(), c.name(), c.required(), describe(format, c, locale)))
            .toList();
    }

    private String describe(ContractFormat format, ContractFormat.Column column, Locale locale) {
        return switch (column.type()) {
            case "text" -> column.maxLength() > 0 ? msg("screening.import.accepts.text", locale, column.maxLength())
                    : msg("screening.import.accepts.anyText", locale);
            case "date", "integer", "decimal" -> msg("screening.import.accepts." + column.type(), locale);
            default -> msg("screening.import.accepts.enumeration", locale,
                    format.words(column.type())
                        .entrySet()
                        .stream()
                        .map(e -> msg("screening.import.accepts.word", locale, e.getValue(), e.getKey()))
                        .collect(Collectors.joining(" / ")));
        };
    }

    /**
     * One sheet whose first row holds the Chinese headers in contract order; text columns
     * are text cells (a case or identity number stays as typed), dates are date cells,
     * enumerations offer their Chinese words (codes are accepted too, so any value may be
     * typed).
     */
    byte[] workbook(String kind, Locale locale) {
        List<ContractFormat.Column> columns = format(kind).columns();
        return WorkbookStyles.template(msg("screening.import." + kind, locale),
                columns.stream().map(ContractFormat.Column::chineseHeader).toList(), (sheet, styles) -> {
                    CellStyle text = WorkbookStyles.textCells(sheet.getWorkbook());
                    for (int i = 0; i < columns.size(); i++) {
                        ContractFormat.Column column = columns.get(i);
                        sheet.setColumnWidth(i, Math.max(14, column.chineseHeader().length() * 3) * 256);
                        switch (column.type()) {
                            case "text" -> sheet.setDefaultColumnStyle(i, text);
                            case "date" -> sheet.setDefaultColumnStyle(i, styles.date());
                            case "integer", "decimal" -> {
                                // numbers as numbers
                            }
                            default -> WorkbookStyles.offerChoice(sheet, i, 1, CHOICE_ROWS,
                                    format(kind).words(column.type()).values().toArray(String[]::new));
                        }
                    }
                });
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}

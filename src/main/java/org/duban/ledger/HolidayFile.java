package org.duban.ledger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportColumn;
import org.duban.shared.UploadedFiles;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A holiday calendar file: one day per row, {@code date, kind, name}, either the .xlsx
 * template (first sheet, header in row 1) or a CSV text (UTF-8, cells separated by comma,
 * semicolon or tab). Which one is judged by the file's bytes, not its name.
 */
@Component
class HolidayFile {

    static final List<String> HEADERS = List.of("holiday.field.day", "holiday.field.kind", "holiday.field.name");

    private final MessageSource messages;

    HolidayFile(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The cells of each row, a row's number being its place plus one; at most
     * {@code limit} rows (a longer file is refused by the import as too long).
     */
    List<List<String>> rows(byte[] content, int limit) {
        if (UploadedFiles.contentType(content, Set.of(UploadedFiles.ZIP)) != null) {
            return workbookRows(content, limit);
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n");
        return Arrays.stream(lines)
            .limit(limit)
            .map(line -> line.isBlank() ? List.<String>of() : List.of(line.split("[,;\t]", 3)))
            .toList();
    }

    private static List<List<String>> workbookRows(byte[] content, int limit) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum() && rows.size() < limit; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < HEADERS.size(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                rows.add(cells);
            }
            return rows;
        }
        catch (IOException | RuntimeException e) {
            throw new BusinessRuleViolation("holiday.import.unreadable");
        }
    }

    /** A date cell as yyyy-MM-dd; any other cell as Excel shows it. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).trim();
    }

    /**
     * The template: the headers in row 1, no example row (the import would take it for a
     * day of the calendar), the date column as dates and the kind as a choice of its
     * labels.
     */
    byte[] template(Locale locale, int rows) {
        return WorkbookStyles.template(msg("holiday.list.title", locale),
                HEADERS.stream().map(key -> msg(key, locale)).toList(), (sheet, styles) -> {
                    for (int i = 0; i < HEADERS.size(); i++) {
                        sheet.setColumnWidth(i, 16 * 256);
                    }
                    sheet.setDefaultColumnStyle(0, styles.date());
                    WorkbookStyles.offerChoice(sheet, 1, 1, rows, msg("holiday.kind.false", locale),
                            msg("holiday.kind.true", locale));
                });
    }

    /** The columns, as the holiday page lists them. */
    List<ImportColumn> columns(Locale locale) {
        return List.of(ImportColumn.of(messages, locale, "holiday.field.day", true, "holiday.import.accepts.day"),
                ImportColumn.of(messages, locale, "holiday.field.kind", true, "holiday.import.accepts.kind",
                        msg("holiday.kind.false", locale), msg("holiday.kind.true", locale)),
                ImportColumn.of(messages, locale, "holiday.field.name", false, "holiday.import.accepts.name"));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

}

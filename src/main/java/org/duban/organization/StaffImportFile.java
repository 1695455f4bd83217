package org.duban.organization;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The staff-list spreadsheet: the template an office fills in, and a careful reader for
 * what comes back. An upload is refused before POI sees it when it is too large or is not
 * a zip container (checked by its bytes, never by its name); POI's zip guard then caps
 * entries, inflation ratio and text size against zip bombs, and POI's XML parsers do not
 * resolve external entities.
 */
@Component
class StaffImportFile {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 2000;
    static final List<String> COLUMNS = List.of("unit", "name", "title", "phone", "login", "roles", "email");

    /**
     * Columns a file must have; the ones after them were added later and may be missing
     * in an older template.
     */
    static final int REQUIRED_COLUMNS = 6;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(200);
    }

    /**
     * One filled-in row; {@code number} is the row number the user sees in Excel (header
     * is row 1).
     */
    record Line(int number, String unit, String name, String title, String phone, String login, String roles,
            String email) {
    }

    private final MessageSource messages;

    StaffImportFile(MessageSource messages) {
        this.messages = messages;
    }

    String header(String column, Locale locale) {
        return messages.getMessage("staff.import.column." + column, null, locale);
    }

    byte[] template(Locale locale) {
        return WorkbookStyles.template(messages.getMessage("staff.import.sheet", null, locale),
                COLUMNS.stream().map(column -> header(column, locale)).toList(), (sheet, styles) -> {
                    CellStyle text = WorkbookStyles.textCells(sheet.getWorkbook());
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        sheet.setColumnWidth(i, 24 * 256);
                        sheet.setDefaultColumnStyle(i, text);
                    }
                });
    }

    /**
     * Reads the rows of the first sheet. Refuses (with a message key) a file that is too
     * big, not an xlsx, has the wrong header or too many rows; it does not judge the rows
     * themselves.
     */
    List<Line> read(byte[] content, Locale locale) {
        if (content.length == 0) {
            throw new BusinessRuleViolation("staff.import.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new BusinessRuleViolation("staff.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        try (InputStream in = FileMagic
            .prepareToCheckMagic(new BufferedInputStream(new ByteArrayInputStream(content)))) {
            if (FileMagic.valueOf(in) != FileMagic.OOXML) {
                throw new BusinessRuleViolation("staff.import.notXlsx");
            }
        }
        catch (IOException e) {
            throw new BusinessRuleViolation("staff.import.notXlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            checkHeader(sheet.getRow(0), locale);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new BusinessRuleViolation("staff.import.tooManyRows", MAX_ROWS);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Line> lines = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] v = new String[COLUMNS.size()];
                boolean blank = true;
                for (int c = 0; c < v.length; c++) {
                    v[c] = text(row.getCell(c), formatter);
                    blank &= v[c].isEmpty();
                }
                if (!blank) {
                    lines.add(new Line(r + 1, v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
                }
            }
            if (lines.isEmpty()) {
                throw new BusinessRuleViolation("staff.import.noRows");
            }
            return lines;
        }
        catch (BusinessRuleViolation refusal) {
            throw refusal;
        }
        catch (IOException | RuntimeException e) {
            // A damaged zip, a zip bomb caught by ZipSecureFile, an OOXML file that is
            // not a workbook.
            throw new BusinessRuleViolation("staff.import.unreadable");
        }
    }

    /**
     * The header must be the template's, in Chinese or English, so columns cannot be
     * silently shifted. A template downloaded before the email column was added (six
     * columns) is still taken: its rows simply have no email.
     */
    private void checkHeader(Row header, Locale locale) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        for (int i = 0; i < COLUMNS.size(); i++) {
            String found = header == null ? "" : text(header.getCell(i), formatter);
            String column = COLUMNS.get(i);
            if (i >= REQUIRED_COLUMNS && found.isEmpty()) {
                continue;
            }
            if (!found.equals(header(column, Locale.SIMPLIFIED_CHINESE))
                    && !found.equals(header(column, Locale.ENGLISH))) {
                throw new BusinessRuleViolation("staff.import.badHeader", i + 1, header(column, locale));
            }
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            // Formulas are never evaluated: the cached text is taken as typed.
            return switch (cell.getCachedFormulaResultType()) {
                case STRING -> cell.getStringCellValue().strip();
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General").strip();
                default -> "";
            };
        }
        return formatter.formatCellValue(cell).strip();
    }

}

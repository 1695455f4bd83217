package org.duban.shared;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.util.function.BiConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The look every exported ledger shares, as offices expect it: a bold 16 pt title across
 * the columns, bold bordered headers frozen under it, bordered wrapped body cells, dates
 * as real dates. Text cells go through {@link SpreadsheetText#safe} so no value is read
 * as a formula.
 */
public record WorkbookStyles(CellStyle title, CellStyle header, CellStyle body, CellStyle date) {

    /** The content type of an .xlsx file. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A list exported as it stands on the page: one sheet with the title across the
     * columns, the headers, then one row per list of values in column order (see
     * {@link #cell}). Built in memory: an export is capped by its caller.
     */
    public static byte[] ledger(String title, List<String> headers, List<? extends List<?>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.setCompressTempFiles(true);
            WorkbookStyles styles = of(wb);
            Sheet sheet = wb.createSheet(sheetName(title));
            int next = styles.head(sheet, title, headers);
            for (List<?> values : rows) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    styles.cell(row, i, values.get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An import template: one sheet named after {@code title}, the {@code headers} in its
     * first row (frozen), no data row (an example left in would be imported as a real
     * record); {@code columns} then gives each column its width, cell style or choice of
     * words.
     */
    public static byte[] template(String title, List<String> headers, BiConsumer<Sheet, WorkbookStyles> columns) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookStyles styles = of(wb);
            Sheet sheet = wb.createSheet(sheetName(title));
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(styles.header());
            }
            columns.accept(sheet, styles);
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A style of cells kept as typed text (a case, identity or phone number is not turned
     * into 1.38E+10).
     */
    public static CellStyle textCells(Workbook wb) {
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        return text;
    }

    /** Creates the styles once per workbook (a workbook holds at most 64,000 styles). */
    public static WorkbookStyles of(Workbook wb) {
        CellStyle title = wb.createCellStyle();
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        CellStyle header = bordered(wb.createCellStyle());
        Font headerFont = wb.createFont();
        headerFont.setBold(true);
        header.setFont(headerFont);
        CellStyle body = bordered(wb.createCellStyle());
        body.setWrapText(true);
        CellStyle date = bordered(wb.createCellStyle());
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        return new WorkbookStyles(title, header, body, date);
    }

    /** A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :. */
    public static String sheetName(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.substring(0, Math.min(31, name.length()));
    }

    /** Title row and header row, frozen; returns the index of the first data row. */
    public int head(Sheet sheet, String titleText, List<String> headers) {
        Row titleRow = sheet.createRow(0);
        titleRow.createCell(0).setCellValue(titleText);
        titleRow.getCell(0).setCellStyle(title);
        if (headers.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        }
        Row headerRow = sheet.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            headerRow.createCell(i).setCellValue(headers.get(i));
            headerRow.getCell(i).setCellStyle(header);
            sheet.setColumnWidth(i, 14 * 256);
        }
        sheet.createFreezePane(0, 2);
        return 2;
    }

    public void text(Row row, int col, String value) {
        Cell cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(SpreadsheetText.safe(value));
        }
        cell.setCellStyle(body);
    }

    public void date(Row row, int col, LocalDate value) {
        Cell cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(value == null ? body : date);
    }

    /**
     * A value by its type: a date as a date, a number as a number, anything else as safe
     * text.
     */
    public void cell(Row row, int col, Object value) {
        if (value instanceof LocalDate day) {
            date(row, col, day);
        }
        else if (value instanceof Number n) {
            Cell cell = row.createCell(col);
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(body);
        }
        else {
            text(row, col, value == null ? null : value.toString());
        }
    }

    public void number(Row row, int col, long value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(body);
    }

    /**
     * Offers {@code words} as a drop-down in column {@code col}, rows {@code firstRow} to
     * {@code lastRow} (0-based), of an import template. Without an error box: the readers
     * also take codes, so any value may still be typed.
     */
    public static void offerChoice(Sheet sheet, int col, int firstRow, int lastRow, String... words) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation choice = helper.createValidation(helper.createExplicitListConstraint(words),
                new CellRangeAddressList(firstRow, lastRow, col, col));
        choice.setShowErrorBox(false);
        sheet.addValidationData(choice);
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}

package org.duban.campaign;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportColumn;
import org.duban.shared.SpreadsheetText;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The key-task plan as attachment 2 of the notice (title row, Chinese headers, dates as
 * dates), streamed; and its import: every row validated first, nothing imported if any
 * row fails; a file refused as a whole (not an .xlsx, no rows) is a
 * {@link BusinessRuleViolation}.
 */
@Component
class KeyTaskWorkbook {

    static final String[] HEADERS = { "keytask.xlsx.number", "keytask.field.title", "keytask.field.phase",
            "keytask.field.ownerUnit", "keytask.field.ownerPerson", "keytask.field.coUnits", "keytask.field.startsOn",
            "keytask.field.deadline", "keytask.field.acceptanceStandard", "keytask.field.deliverable",
            "keytask.field.status", "keytask.field.percent", "keytask.field.overdue" };

    /**
     * The columns the import reads, in the export's order; the export's other columns
     * (number, status, progress, overdue) are computed and ignored on import.
     */
    static final List<String> IMPORTED = List.of("keytask.field.title", "keytask.field.phase",
            "keytask.field.ownerUnit", "keytask.field.ownerPerson", "keytask.field.coUnits", "keytask.field.startsOn",
            "keytask.field.deadline", "keytask.field.acceptanceStandard", "keytask.field.deliverable");

    /** The columns a file must have (and a row must fill). */
    static final List<String> REQUIRED = List.of("keytask.field.title", "keytask.field.ownerUnit",
            "keytask.field.deadline");

    /** Rows of the template offering the phase list and date cells. */
    private static final int TEMPLATE_ROWS = 500;

    public record RowError(int row, String messageKey, Object[] args) {
    }

    public record Report(int imported, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final KeyTasks tasks;

    private final OrgUnits units;

    private final MessageSource messages;

    KeyTaskWorkbook(KeyTasks tasks, OrgUnits units, MessageSource messages) {
        this.tasks = tasks;
        this.units = units;
        this.messages = messages;
    }

    String fileName(Locale locale) {
        return msg("keytask.xlsx.title", locale) + ".xlsx";
    }

    String templateFileName(Locale locale) {
        return msg("keytask.import.templateName", locale) + ".xlsx";
    }

    void write(KeyTasks.Filter filter, DataScope scope, Locale locale, OutputStream out) throws IOException {
        Map<UUID, String> names = units.all()
            .stream()
            .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
        LocalDate today = tasks.today();
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            WorkbookStyles styles = WorkbookStyles.of(wb);
            CellStyle body = styles.body();
            CellStyle date = styles.date();
            String titleText = msg("keytask.xlsx.title", locale);
            SXSSFSheet sheet = wb.createSheet(WorkbookStyles.sheetName(titleText));
            styles.head(sheet, titleText, Arrays.stream(HEADERS).map(key -> msg(key, locale)).toList());
            for (int i = 0; i < HEADERS.length; i++) {
                sheet.setColumnWidth(i, (i == 1 || i == 8 || i == 9 ? 36 : 14) * 256);
            }
            int[] next = { 2 };
            tasks.forEach(filter, scope, task -> {
                Row r = sheet.createRow(next[0]);
                Object[] values = { next[0] - 1L, task.title(),
                        task.phase() == null ? null : msg("phase." + task.phase(), locale),
                        names.get(task.ownerUnitId()), task.ownerPerson(), task.coUnits(), task.startsOn(),
                        task.deadline(), task.acceptanceStandard(), task.deliverable(),
                        msg("keytask.status." + task.status(), locale), (long) task.percent(),
                        task.overdue(today) ? msg("keytask.yes", locale) : "" };
                for (int i = 0; i < values.length; i++) {
                    Cell c = r.createCell(i);
                    c.setCellStyle(body);
                    if (values[i] instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    }
                    else if (values[i] instanceof Long n) {
                        c.setCellValue(n);
                    }
                    else if (values[i] != null) {
                        c.setCellValue(SpreadsheetText.safe(values[i].toString()));
                    }
                }
                next[0]++;
            });
            wb.write(out);
        }
        finally {
            wb.close();
        }
    }

    /**
     * The import template: the export's title and header rows with only the columns the
     * import reads, no example row (the import would register it as a task), dates as
     * dates and the phase as a choice of its labels.
     */
    byte[] template(Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookStyles styles = WorkbookStyles.of(wb);
            String titleText = msg("keytask.xlsx.title", locale);
            Sheet sheet = wb.createSheet(WorkbookStyles.sheetName(titleText));
            styles.head(sheet, titleText, IMPORTED.stream().map(key -> msg(key, locale)).toList());
            for (int i = 0; i < IMPORTED.size(); i++) {
                String key = IMPORTED.get(i);
                sheet.setColumnWidth(i, (key.equals("keytask.field.title") || key.endsWith("acceptanceStandard")
                        || key.endsWith("deliverable") ? 36 : 16) * 256);
                if (key.equals("keytask.field.startsOn") || key.equals("keytask.field.deadline")) {
                    sheet.setDefaultColumnStyle(i, styles.date());
                }
            }
            WorkbookStyles.offerChoice(sheet, IMPORTED.indexOf("keytask.field.phase"), 2, TEMPLATE_ROWS,
                    Arrays.stream(Phase.values()).map(p -> msg("phase." + p, locale)).toArray(String[]::new));
            wb.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of the template, as the import page lists them. */
    List<ImportColumn> columns(Locale locale) {
        return IMPORTED.stream()
            .map(key -> ImportColumn.of(messages, locale, key, REQUIRED.contains(key),
                    "keytask.import.accepts." + key.substring(key.lastIndexOf('.') + 1),
                    key.equals("keytask.field.phase")
                            ? new Object[] { ImportColumn.words(messages, locale, "phase.", Phase.values()) }
                            : new Object[0]))
            .toList();
    }

    @Transactional
    Report importTasks(UUID campaignId, InputStream in, DataScope scope) throws IOException {
        List<KeyTaskForm> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(in);
        }
        catch (RuntimeException | IOException e) {
            throw new BusinessRuleViolation("keytask.import.notXlsx");
        }
        try (wb) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> cols = new HashMap<>();
            Row header = sheet.getRow(1);
            if (header != null) {
                for (Cell c : header) {
                    String text = c.getCellType() == CellType.STRING ? c.getStringCellValue().trim() : "";
                    for (String key : HEADERS) {
                        if (text.equals(msg(key, Locale.CHINA)) || text.equals(msg(key, Locale.ENGLISH))) {
                            cols.put(key, c.getColumnIndex());
                        }
                    }
                }
            }
            for (String required : REQUIRED) {
                if (!cols.containsKey(required)) {
                    errors.add(new RowError(2, "keytask.import.missingColumn",
                            new Object[] { msg(required, Locale.CHINA) }));
                }
            }
            if (!errors.isEmpty()) {
                return new Report(0, errors);
            }
            Map<String, UUID> unitIds = new HashMap<>();
            units.all().forEach(u -> {
                unitIds.put(u.name(), u.id());
                unitIds.put(u.code(), u.id());
            });
            Map<String, Phase> phases = new HashMap<>();
            for (Phase p : Phase.values()) {
                phases.put(p.name(), p);
                phases.put(msg("phase." + p, Locale.CHINA), p);
                phases.put(msg("phase." + p, Locale.ENGLISH), p);
            }
            DataFormatter f = new DataFormatter();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(row, cols.get("keytask.field.title"), f).isEmpty()
                        && text(row, cols.get("keytask.field.ownerUnit"), f).isEmpty()) {
                    continue;
                }
                int human = r + 1;
                int before = errors.size();
                String title = text(row, cols.get("keytask.field.title"), f);
                if (title.isEmpty() || title.length() > 200) {
                    errors.add(new RowError(human, "keytask.import.badTitle", new Object[] {}));
                }
                UUID owner = unitIds.get(text(row, cols.get("keytask.field.ownerUnit"), f));
                if (owner == null || !scope.includes(owner)) {
                    errors.add(new RowError(human, "keytask.import.badUnit", new Object[] {}));
                }
                LocalDate deadline = date(row, cols.get("keytask.field.deadline"), f);
                if (deadline == null) {
                    errors.add(new RowError(human, "keytask.import.badDeadline", new Object[] {}));
                }
                // Optional, but a start that is written and cannot be read is refused,
                // not dropped.
                String startsText = text(row, cols.get("keytask.field.startsOn"), f);
                LocalDate starts = startsText.isEmpty() ? null : date(row, cols.get("keytask.field.startsOn"), f);
                if (!startsText.isEmpty() && starts == null) {
                    errors.add(new RowError(human, "keytask.import.badStart", new Object[] { startsText }));
                }
                String phaseText = cols.containsKey("keytask.field.phase")
                        ? text(row, cols.get("keytask.field.phase"), f) : "";
                Phase phase = phaseText.isEmpty() ? null : phases.get(phaseText);
                if (!phaseText.isEmpty() && phase == null) {
                    errors.add(new RowError(human, "keytask.import.badPhase", new Object[] { phaseText }));
                }
                if (errors.size() == before) {
                    valid.add(KeyTaskForm.plain(campaignId, title, phase, owner,
                            optional(row, cols.get("keytask.field.ownerPerson"), f),
                            optional(row, cols.get("keytask.field.coUnits"), f), starts, deadline,
                            optional(row, cols.get("keytask.field.acceptanceStandard"), f),
                            optional(row, cols.get("keytask.field.deliverable"), f)));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Report(0, errors);
        }
        if (valid.isEmpty()) {
            throw new BusinessRuleViolation("keytask.import.empty");
        }
        // A refusal here (a rule the row check does not know) rolls back the whole file.
        valid.forEach(form -> tasks.create(form, scope));
        return new Report(valid.size(), List.of());
    }

    private static String optional(Row row, Integer col, DataFormatter f) {
        if (col == null) {
            return null;
        }
        String s = text(row, col, f);
        return s.isEmpty() ? null : s;
    }

    private static String text(Row row, Integer col, DataFormatter f) {
        if (col == null) {
            return "";
        }
        Cell c = row.getCell(col);
        String s = c == null ? "" : f.formatCellValue(c).trim();
        return s.startsWith("'") ? s.substring(1) : s;
    }

    private static LocalDate date(Row row, Integer col, DataFormatter f) {
        Cell c = col == null ? null : row.getCell(col);
        if (c == null) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(f.formatCellValue(c).trim());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}

package org.duban.ledger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportColumn;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Import of problems from an .xlsx in the layout of the export (title row, header row,
 * data rows; columns found by their header in either language). Every row is validated
 * first; if any row fails, nothing is imported and the report lists every failing row.
 * Otherwise all rows are registered in one transaction. A file refused as a whole (not an
 * .xlsx, too many rows, no rows) is a {@link BusinessRuleViolation}.
 */
@Service
class ProblemImport {

    static final int MAX_ROWS = 5000;

    public record RowError(int row, String messageKey, Object[] args) {
    }

    public record Report(int imported, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Problems problems;

    private final OrgUnits units;

    private final ProblemLedger ledger;

    private final MessageSource messages;

    ProblemImport(Problems problems, OrgUnits units, ProblemLedger ledger, MessageSource messages) {
        this.problems = problems;
        this.units = units;
        this.ledger = ledger;
        this.messages = messages;
    }

    @Transactional
    public Report importProblems(InputStream in, DataScope scope) throws IOException {
        List<NewProblem> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (Workbook wb = open(in)) {
            Sheet sheet = wb.getSheetAt(0);
            // The template has its headers in row 1; an export of the ledger, which a
            // bureau may fill in and send back, has its title there and headers in row 2.
            int headerRow = columns(sheet.getRow(0)).containsKey("xlsx.column.foundOn") ? 0 : 1;
            Map<String, Integer> columns = columns(sheet.getRow(headerRow));
            for (String required : List.of("xlsx.column.foundOn", "xlsx.column.source", "xlsx.column.category",
                    "xlsx.column.unit", "xlsx.column.description")) {
                if (!columns.containsKey(required)) {
                    errors.add(new RowError(headerRow + 1, "import.missingColumn",
                            new Object[] { label(required, Locale.CHINA) }));
                }
            }
            if (!errors.isEmpty()) {
                return new Report(0, errors);
            }
            if (sheet.getLastRowNum() - headerRow > MAX_ROWS) {
                throw new BusinessRuleViolation("import.tooManyRows", MAX_ROWS);
            }
            Map<String, ProblemSource> sources = labels("problem.source.", ProblemSource.values());
            Map<String, ProblemCategory> categories = labels("problem.category.", ProblemCategory.values());
            Map<String, String> items = new HashMap<>();
            ledger.items().forEach(i -> {
                items.put(i.name(), i.code());
                items.put(i.code(), i.code());
            });
            Map<String, UUID> unitIds = new HashMap<>();
            for (OrgUnit u : units.all()) {
                unitIds.put(u.name(), u.id());
                unitIds.put(u.code(), u.id());
            }
            DataFormatter formatter = new DataFormatter();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blankRow(row, formatter)) {
                    continue;
                }
                int human = r + 1;
                int before = errors.size();
                LocalDate foundOn = date(row.getCell(columns.get("xlsx.column.foundOn")), formatter);
                if (foundOn == null || foundOn.isAfter(ledger.today())) {
                    errors.add(new RowError(human, "import.badDate", new Object[] {}));
                }
                ProblemSource source = sources.get(text(row, columns.get("xlsx.column.source"), formatter));
                if (source == null) {
                    errors.add(new RowError(human, "import.badSource", new Object[] {}));
                }
                ProblemCategory category = categories.get(text(row, columns.get("xlsx.column.category"), formatter));
                if (category == null) {
                    errors.add(new RowError(human, "import.badCategory", new Object[] {}));
                }
                String itemText = columns.containsKey("xlsx.column.item")
                        ? text(row, columns.get("xlsx.column.item"), formatter) : "";
                String item = itemText.isEmpty() ? null : items.get(itemText);
                if (!itemText.isEmpty()
                        && (item == null || category == null || !item.startsWith(category.name() + "."))) {
                    errors.add(new RowError(human, "import.badItem", new Object[] { itemText }));
                }
                UUID unit = unitIds.get(text(row, columns.get("xlsx.column.unit"), formatter));
                if (unit == null || !scope.includes(unit)) {
                    errors.add(new RowError(human, "import.badUnit", new Object[] {}));
                }
                String description = text(row, columns.get("xlsx.column.description"), formatter);
                if (description.isEmpty() || description.length() > 4000) {
                    errors.add(new RowError(human, "import.badDescription", new Object[] {}));
                }
                String officers = columns.containsKey("xlsx.column.officers")
                        ? text(row, columns.get("xlsx.column.officers"), formatter) : "";
                if (errors.size() == before) {
                    valid.add(new NewProblem(null, source, null, category, item, unit,
                            officers.isEmpty() ? null : officers, description, foundOn, false));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Report(0, errors);
        }
        if (valid.isEmpty()) {
            throw new BusinessRuleViolation("import.empty");
        }
        for (NewProblem p : valid) {
            problems.register(p);
        }
        return new Report(valid.size(), List.of());
    }

    /**
     * The import's own template: the columns it reads in row 1 and nothing else (no
     * example, which would be imported as a real clue), the date column as dates, the
     * source and the category as a choice of their labels.
     */
    byte[] template(Locale locale) {
        return WorkbookStyles.template(label("xlsx.problems.title", locale),
                columns(locale).stream().map(ImportColumn::header).toList(), (sheet, styles) -> {
                    int[] widths = { 14, 16, 18, 24, 60, 30, 24 };
                    for (int i = 0; i < widths.length; i++) {
                        sheet.setColumnWidth(i, widths[i] * 256);
                    }
                    sheet.setDefaultColumnStyle(0, styles.date());
                    WorkbookStyles.offerChoice(sheet, 1, 1, MAX_ROWS,
                            words("problem.source.", ProblemSource.values(), locale));
                    WorkbookStyles.offerChoice(sheet, 2, 1, MAX_ROWS,
                            words("problem.category.", ProblemCategory.values(), locale));
                });
    }

    private String[] words(String prefix, Enum<?>[] values, Locale locale) {
        return java.util.Arrays.stream(values).map(v -> label(prefix + v.name(), locale)).toArray(String[]::new);
    }

    /**
     * The columns the import reads, required first, as the import page lists them and the
     * template holds them (an export also imports: its other columns are ignored).
     */
    List<ImportColumn> columns(Locale locale) {
        return List.of(ImportColumn.of(messages, locale, "xlsx.column.foundOn", true, "import.accepts.foundOn"),
                ImportColumn.of(messages, locale, "xlsx.column.source", true, "import.accepts.source",
                        ImportColumn.words(messages, locale, "problem.source.", ProblemSource.values())),
                ImportColumn.of(messages, locale, "xlsx.column.category", true, "import.accepts.category",
                        ImportColumn.words(messages, locale, "problem.category.", ProblemCategory.values())),
                ImportColumn.of(messages, locale, "xlsx.column.unit", true, "import.accepts.unit"),
                ImportColumn.of(messages, locale, "xlsx.column.description", true, "import.accepts.description"),
                ImportColumn.of(messages, locale, "xlsx.column.item", false, "import.accepts.item"),
                ImportColumn.of(messages, locale, "xlsx.column.officers", false, "import.accepts.officers"));
    }

    private static Workbook open(InputStream in) throws IOException {
        try {
            return new XSSFWorkbook(in);
        }
        catch (RuntimeException | IOException e) {
            throw new BusinessRuleViolation("import.notXlsx");
        }
    }

    private Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        if (header == null) {
            return columns;
        }
        List<String> keys = new ArrayList<>(List.of(LedgerWorkbooks.PROBLEM_HEADERS));
        for (Cell cell : header) {
            String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
            for (String key : keys) {
                if (text.equals(label(key, Locale.CHINA)) || text.equals(label(key, Locale.ENGLISH))) {
                    columns.put(key, cell.getColumnIndex());
                }
            }
        }
        return columns;
    }

    private <E extends Enum<E>> Map<String, E> labels(String prefix, E[] values) {
        Map<String, E> map = new HashMap<>();
        for (E e : values) {
            map.put(e.name(), e);
            map.put(label(prefix + e.name(), Locale.CHINA), e);
            map.put(label(prefix + e.name(), Locale.ENGLISH), e);
        }
        return map;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static boolean blankRow(Row row, DataFormatter f) {
        for (Cell c : row) {
            if (!f.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int col, DataFormatter f) {
        Cell c = row.getCell(col);
        String s = c == null ? "" : f.formatCellValue(c).trim();
        return s.startsWith("'") ? s.substring(1) : s;
    }

    private static LocalDate date(Cell c, DataFormatter f) {
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

}

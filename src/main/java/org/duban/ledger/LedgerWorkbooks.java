package org.duban.ledger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ledgers as the spreadsheets offices use: a title row, Chinese headers, dates as
 * dates. Written with POI's streaming workbook (a window of 100 rows in memory), so a
 * ledger of any length exports in bounded memory.
 */
@Component
class LedgerWorkbooks {

    static final String[] PROBLEM_HEADERS = { "xlsx.column.number", "xlsx.column.reference", "xlsx.column.foundOn",
            "xlsx.column.source", "xlsx.column.category", "xlsx.column.item", "xlsx.column.unit",
            "xlsx.column.description", "xlsx.column.officers", "xlsx.column.status", "xlsx.column.assignedUnit",
            "xlsx.column.dueOn", "xlsx.column.overdue", "xlsx.column.finding" };
    static final String[] RECTIFICATION_HEADERS = { "xlsx.column.responsibleUnit", "xlsx.column.responsiblePerson",
            "xlsx.column.deadline", "xlsx.column.measures", "xlsx.column.completion", "xlsx.column.verifiedBy",
            "xlsx.column.signedOffBy" };

    private final ProblemLedger ledger;

    private final OrgUnits units;

    private final MessageSource messages;

    LedgerWorkbooks(ProblemLedger ledger, OrgUnits units, MessageSource messages) {
        this.ledger = ledger;
        this.units = units;
        this.messages = messages;
    }

    String problemsFileName(Locale locale) {
        return msg("xlsx.problems.title", locale) + ".xlsx";
    }

    String rectificationsFileName(Locale locale) {
        return msg("xlsx.rectifications.title", locale) + ".xlsx";
    }

    void writeProblems(ProblemFilter filter, DataScope scope, boolean rectifications, Locale locale, OutputStream out)
            throws IOException {
        boolean officers = ProblemLedger.mayReadConfidential();
        Map<UUID, String> unitNames = units.all()
            .stream()
            .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
        Map<String, String> itemNames = ledger.items()
            .stream()
            .collect(Collectors.toMap(ProblemLedger.ItemRow::code, ProblemLedger.ItemRow::name));
        List<String> headers = new ArrayList<>();
        for (String h : PROBLEM_HEADERS) {
            headers.add(msg(h, locale));
        }
        if (rectifications) {
            for (String h : RECTIFICATION_HEADERS) {
                headers.add(msg(h, locale));
            }
        }
        // Labels looked up once, not three message lookups for each of 100,000 rows.
        Map<ProblemSource, String> sources = labels(ProblemSource.class, "problem.source.", locale);
        Map<ProblemCategory, String> categories = labels(ProblemCategory.class, "problem.category.", locale);
        Map<ProblemStatus, String> statuses = labels(ProblemStatus.class, "problem.status.", locale);
        String yes = msg("xlsx.yes", locale);
        LocalDate today = ledger.today();
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            wb.setCompressTempFiles(true);
            WorkbookStyles styles = WorkbookStyles.of(wb);
            String title = msg(rectifications ? "xlsx.rectifications.title" : "xlsx.problems.title", locale);
            SXSSFSheet sheet = wb.createSheet(title);
            int[] next = { styles.head(sheet, title, headers) };
            ledger.forEach(filter, scope, rectifications, (p, rs) -> {
                Row row = sheet.createRow(next[0]);
                styles.number(row, 0, next[0] - 1L);
                styles.text(row, 1, p.reference());
                styles.date(row, 2, p.foundOn());
                styles.text(row, 3, sources.get(p.source()));
                styles.text(row, 4, categories.get(p.category()));
                styles.text(row, 5, p.itemCode() == null ? null : itemNames.getOrDefault(p.itemCode(), p.itemCode()));
                styles.text(row, 6, unitNames.get(p.unitId()));
                styles.text(row, 7, p.description());
                styles.text(row, 8, officers ? p.officers() : null);
                styles.text(row, 9, statuses.get(p.status()));
                styles.text(row, 10, p.assignedUnitId() == null ? null : unitNames.get(p.assignedUnitId()));
                styles.date(row, 11, p.dueOn());
                styles.text(row, 12, p.overdue(today) ? yes : "");
                styles.text(row, 13, p.finding());
                if (rectifications) {
                    try {
                        UUID unit = rs.getObject("responsible_unit_id", UUID.class);
                        Date deadline = rs.getDate("r_deadline");
                        styles.text(row, 14, unit == null ? null : unitNames.get(unit));
                        styles.text(row, 15, rs.getString("responsible_person"));
                        styles.date(row, 16, deadline == null ? null : deadline.toLocalDate());
                        styles.text(row, 17, rs.getString("measures"));
                        styles.text(row, 18, rs.getString("completion_note"));
                        styles.text(row, 19, rs.getString("verified_by"));
                        styles.text(row, 20, rs.getString("signed_off_by"));
                    }
                    catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                next[0]++;
            });
            sheet.setColumnWidth(7, 50 * 256);
            wb.write(out);
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        finally {
            wb.close();
        }
    }

    private <E extends Enum<E>> Map<E, String> labels(Class<E> type, String prefix, Locale locale) {
        Map<E, String> labels = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            labels.put(value, msg(prefix + value.name(), locale));
        }
        return labels;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}

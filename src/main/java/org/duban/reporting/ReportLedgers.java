package org.duban.reporting;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.organization.OrgUnit;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The two ledgers a monthly report carries as attachments (自查自纠情况台账 and 重点任务调度台账), as
 * .xlsx. The ledger's and the key-task plan's own workbook writers are module-internal,
 * so this small writer reads the read-only views of V15 like the figures do: problems
 * found in the report's window in the bureau's units (a confidential problem's
 * description is not in the view, so the cell stays empty), and the key tasks of the
 * report's campaign owned by those units. Rows are today's data, like a redrafted
 * report's figures.
 */
@Component
class ReportLedgers {

    static final List<String> PROBLEM_HEADERS = List.of("ledger.column.number", "ledger.column.reference",
            "ledger.column.foundOn", "ledger.column.source", "ledger.column.category", "ledger.column.unit",
            "ledger.column.description", "ledger.column.status", "ledger.column.dueOn", "ledger.column.overdue");
    static final List<String> TASK_HEADERS = List.of("ledger.column.number", "ledger.column.task", "ledger.column.unit",
            "ledger.column.deadline", "ledger.column.taskStatus", "ledger.column.percent", "ledger.column.overdue");

    private final JdbcClient jdbc;

    private final MessageSource messages;

    ReportLedgers(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    String fileName(String titleKey, Report report) {
        return fileTitle(titleKey, report) + ".xlsx";
    }

    /**
     * Problems found in the report's window, oldest first; overdue as of the window's end
     * or today.
     */
    @Transactional(readOnly = true)
    void writeProblems(Report report, OrgUnit bureau, LocalDate today, OutputStream out) throws IOException {
        LocalDate[] window = ReportFigures.window(report.kind(), report.period());
        LocalDate asOf = window[1].isBefore(today) ? window[1] : today;
        write(fileTitle("ledger.problems.title", report), PROBLEM_HEADERS, out, (sheet, styles) -> {
            int[] next = { 2 };
            jdbc.sql("""
                    select p.reference, p.found_on, p.source, p.category, o.name as unit_name, p.description,
                           p.status, p.due_on,
                           (p.due_on < :asOf and p.status in ('ASSIGNED', 'VERIFYING', 'RECTIFYING')) as overdue
                    from reporting_problem p join org_unit o on o.id = p.unit_id
                    where p.unit_id = any(:units) and p.found_on between :from and :to
                    order by p.found_on, p.reference
                    """)
                .param("units", ReportFigures.unitsBelow(jdbc, bureau))
                .param("from", Date.valueOf(window[0]))
                .param("to", Date.valueOf(window[1]))
                .param("asOf", Date.valueOf(asOf))
                .query((ResultSet rs) -> {
                    Row row = sheet.createRow(next[0]);
                    styles.number(row, 0, next[0] - 1);
                    styles.text(row, 1, rs.getString("reference"));
                    styles.date(row, 2, localDate(rs.getDate("found_on")));
                    styles.text(row, 3, m("figure.source." + rs.getString("source")));
                    styles.text(row, 4, m("figure.category." + rs.getString("category")));
                    styles.text(row, 5, rs.getString("unit_name"));
                    styles.text(row, 6, rs.getString("description"));
                    styles.text(row, 7, m("problem.status." + rs.getString("status")));
                    styles.date(row, 8, localDate(rs.getDate("due_on")));
                    styles.text(row, 9, rs.getBoolean("overdue") ? m("ledger.yes") : "");
                    next[0]++;
                });
            sheet.setColumnWidth(6, 50 * 256);
        });
    }

    /**
     * The key tasks of the report's campaign owned by the bureau's units, by deadline;
     * overdue at the window's end.
     */
    @Transactional(readOnly = true)
    void writeTasks(Report report, OrgUnit bureau, LocalDate today, OutputStream out) throws IOException {
        LocalDate[] window = ReportFigures.window(report.kind(), report.period());
        LocalDate asOf = window[1].isBefore(today) ? window[1] : today;
        Map<UUID, String> names = jdbc.sql("select id, name from org_unit where id = any(:units)")
            .param("units", ReportFigures.unitsBelow(jdbc, bureau))
            .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        write(fileTitle("ledger.tasks.title", report), TASK_HEADERS, out, (sheet, styles) -> {
            int[] next = { 2 };
            jdbc.sql("""
                    select title, owner_unit_id, deadline, status, percent
                    from reporting_key_task
                    where campaign_id = :campaign and owner_unit_id = any(:units)
                    order by deadline nulls last, title
                    """)
                .param("campaign", report.campaignId())
                .param("units", names.keySet().toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    Row row = sheet.createRow(next[0]);
                    Date deadline = rs.getDate("deadline");
                    String status = rs.getString("status");
                    styles.number(row, 0, next[0] - 1);
                    styles.text(row, 1, rs.getString("title"));
                    styles.text(row, 2, names.get(rs.getObject("owner_unit_id", UUID.class)));
                    styles.date(row, 3, localDate(deadline));
                    styles.text(row, 4, m("keytask.status." + status));
                    styles.number(row, 5, rs.getInt("percent"));
                    boolean overdue = deadline != null && deadline.toLocalDate().isBefore(asOf)
                            && !"DONE".equals(status);
                    styles.text(row, 6, overdue ? m("ledger.yes") : "");
                    next[0]++;
                });
            sheet.setColumnWidth(1, 40 * 256);
        });
    }

    private String fileTitle(String key, Report report) {
        return m(key, String.valueOf(report.period().getYear()), String.valueOf(report.period().getMonthValue()));
    }

    private void write(String title, List<String> headerKeys, OutputStream out,
            BiConsumer<SXSSFSheet, WorkbookStyles> rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            WorkbookStyles styles = WorkbookStyles.of(wb);
            SXSSFSheet sheet = wb.createSheet(WorkbookStyles.sheetName(title));
            styles.head(sheet, title, headerKeys.stream().map(key -> m(key)).toList());
            rows.accept(sheet, styles);
            wb.write(out);
        }
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, Reports.DOCUMENT_LOCALE);
    }

}

package org.duban.reporting;

import java.util.List;

/**
 * Where the rows behind a figure live: a read-only view (V15–V20) or reporting's own
 * tables, the column that places a row in a unit (for the scope), the date column that
 * places it in a report's window (none: every row counts), the columns the dashboard's
 * list shows, the page a row links to, and what a reader needs to open it.
 *
 * <p>
 * Confidential rows ({@code confidentialColumn} true) are counted like any other; in a
 * list they show their unit only, without a link or any detail, unless the reader holds
 * {@code confidentialPermission} (the owning module's need-to-know permission).
 */
enum FigureSource {

    PROBLEM("reporting_problem", "unit_id", "unit_id", "found_on", "x.found_on desc, x.reference desc", "/problems/",
            "ledger:problem:read", "confidential", "ledger:clue:confidential",
            List.of(Column.text("reference", "x.reference"), Column.code("category", "x.category", "figure.category."),
                    Column.code("source", "x.source", "figure.source."),
                    Column.code("status", "x.status", "dashboard.problemStatus."), Column.date("foundOn", "x.found_on"),
                    Column.date("dueOn", "x.due_on"), Column.text("description", "x.description"))),
    ACCOUNTABILITY("reporting_accountability", "unit_id", "unit_id", "decided_on", "x.decided_on desc, x.id",
            "/accountability/", "ledger:accountability:read", null, null,
            List.of(Column.code("kind", "x.kind", "dashboard.accountabilityKind."),
                    Column.date("decidedOn", "x.decided_on"))),
    KEY_TASK("reporting_key_task", "owner_unit_id", "owner_unit_id", null, "x.deadline, x.title", "/tasks/",
            "keytask:task:read", null, null,
            List.of(Column.text("title", "x.title"), Column.date("deadline", "x.deadline"),
                    Column.code("status", "x.status", "keytask.status."), Column.text("percent", "x.percent"))),
    COMPLAINT("reporting_complaint", "owner_unit_id", "handling_unit_id", "submitted_on", "x.submitted_on desc, x.id",
            "/complaints/", "complaint:complaint:read", null, null,
            List.of(Column.date("submittedOn", "x.submitted_on"),
                    Column.code("channel", "x.channel", "complaint.channel."),
                    Column.code("type", "x.type", "complaint.type."),
                    Column.code("status", "x.status", "complaint.status."), Column.date("replyDueOn", "x.due_on"),
                    Column.date("answeredOn", "x.answered_on"),
                    Column.code("satisfaction", "x.satisfaction", "complaint.satisfaction."),
                    Column.text("reopened", "x.reopen_count"),
                    Column.code("closure", "x.closure", "complaint.closure."))),
    INSPECTION("reporting_inspection", "owner_unit_id", "owner_unit_id", "planned_on", "x.planned_on desc, x.id",
            "/inspections/", "inspection:inspection:read", "confidential", "inspection:unannounced:read",
            List.of(Column.code("type", "x.type", "inspection.type."), Column.date("plannedOn", "x.planned_on"),
                    Column.code("status", "x.status", "inspection.status."))),
    INSPECTION_FINDING("reporting_inspection_finding", "owner_unit_id", "owner_unit_id", "found_on",
            "x.found_on desc, x.id", "/inspections/", "inspection:inspection:read", "confidential",
            "inspection:unannounced:read",
            List.of(Column.code("type", "x.type", "inspection.type."),
                    Column.code("category", "x.category", "figure.category."), Column.date("foundOn", "x.found_on"),
                    Column.yesNo("becameProblem", "x.became_problem"))),
    SCREENING_FINDING("reporting_screening_finding", "unit_id", "unit_id", null,
            "case x.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, x.rule, x.id", "/screening/findings/",
            "screening:finding:read", "confidential", "screening:finding:confidential",
            List.of(Column.text("rule", "x.rule"), Column.code("category", "x.category", "screening.category."),
                    Column.code("severity", "x.severity", "screening.severity."),
                    Column.code("status", "x.status", "screening.status."))),
    SUGGESTION("reporting_suggestion", "unit_id", "unit_id", "submitted_on", "x.submitted_on desc, x.id",
            "/suggestions/", "suggestion:box:read", null, null,
            List.of(Column.code("topic", "x.topic", "suggestion.topic."), Column.date("submittedOn", "x.submitted_on"),
                    Column.code("status", "x.status", "suggestion.status."))),
    REPORT("(select v.report_id as id, v.version_no, r.unit_id, r.campaign_id, v.title, v.document_number,"
            + " cast(v.submitted_at at time zone :zone as date) as submitted_on"
            + " from report_version v join report r on r.id = v.report_id"
            // what a bureau sent upward, not its units' reports to it
            + " where r.channel = '" + ReportChannel.BUREAU_TO_SUPERIOR.name() + "') rv", "unit_id", "unit_id",
            "submitted_on", "x.submitted_on desc, x.document_number", "/reports/", "reporting:report:read", null, null,
            List.of(Column.text("documentNumber", "x.document_number"), Column.text("title", "x.title"),
                    Column.date("submittedOn", "x.submitted_on")));

    /**
     * How a cell is shown: as it is, as a date, as a message {@code prefix + value}, or
     * yes/no.
     */
    enum Format {

        TEXT, DATE, CODE, YES_NO

    }

    /** One column of the list: its header is {@code dashboard.list.<name>}. */
    record Column(String name, String sql, Format format, String prefix) {
        static Column text(String name, String sql) {
            return new Column(name, sql, Format.TEXT, null);
        }

        static Column date(String name, String sql) {
            return new Column(name, sql, Format.DATE, null);
        }

        static Column code(String name, String sql, String prefix) {
            return new Column(name, sql, Format.CODE, prefix);
        }

        static Column yesNo(String name, String sql) {
            return new Column(name, sql, Format.YES_NO, null);
        }
    }

    final String relation;

    final String unitColumn;

    final String shownUnitColumn;

    final String dateColumn;

    final String order;

    final String link;

    final String readPermission;

    final String confidentialColumn;

    final String confidentialPermission;

    final List<Column> columns;

    FigureSource(String relation, String unitColumn, String shownUnitColumn, String dateColumn, String order,
            String link, String readPermission, String confidentialColumn, String confidentialPermission,
            List<Column> columns) {
        this.relation = relation;
        this.unitColumn = unitColumn;
        this.shownUnitColumn = shownUnitColumn;
        this.dateColumn = dateColumn;
        this.order = order;
        this.link = link;
        this.readPermission = readPermission;
        this.confidentialColumn = confidentialColumn;
        this.confidentialPermission = confidentialPermission;
        this.columns = columns;
    }

    /**
     * The rows of this source in {@code :units} (and in the window
     * {@code :from}–{@code :to} if it has a date), as the end of a query
     * ({@code from … where …}) to which a figure's predicate is added with {@code and}.
     */
    String scoped() {
        return " from " + relation + " where " + unitColumn + " = any(:units)" + window();
    }

    /**
     * The same rows counted for groups of units at once: {@code :memberUnits} and
     * {@code :memberGroups} are two arrays of equal length, pairing each unit with a
     * group (a bureau below and its units; a unit may belong to several groups, e.g. a
     * city and its county). A query ending in this can {@code group by g.group_id}.
     */
    String grouped() {
        return " from " + relation
                + " join unnest(cast(:memberUnits as uuid[]), cast(:memberGroups as uuid[])) as g(member_unit, group_id)"
                + " on g.member_unit = " + unitColumn + " where " + unitColumn
                // the same units once more, as an array the planner can use with the
                // unit's index
                + " = any(:memberUnits)" + window();
    }

    /**
     * The report's or dashboard's window and, for rows that belong to a campaign, the
     * chosen campaigns ({@code :campaigns}, null: every campaign).
     */
    private String window() {
        return (dateColumn == null ? "" : " and " + dateColumn + " between :from and :to") + (campaignColumn() == null
                ? "" : " and (cast(:campaigns as uuid[]) is null or " + campaignColumn() + " = any(:campaigns))");
    }

    /**
     * The column naming the campaign a row belongs to; rows of the other sources belong
     * to their unit and date only.
     */
    String campaignColumn() {
        return switch (this) {
            case PROBLEM, KEY_TASK, REPORT -> "campaign_id";
            default -> null;
        };
    }

    /** The page of one row: inspection findings open their inspection. */
    String idColumn() {
        return this == INSPECTION_FINDING ? "inspection_id" : "id";
    }

}

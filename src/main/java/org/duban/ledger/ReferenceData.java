package org.duban.ledger;

import org.duban.audit.AuditEvent;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's reference data as administrators edit it: problem items per category (the
 * five categories are fixed) and the holiday calendar. Items already used by a problem
 * are deactivated, never deleted; items of the notice ({@code ledger/problem-items.csv},
 * re-added at start-up when missing) cannot be deleted either. Working-day arithmetic
 * ({@link WorkingDays}) reads the calendar again after every edit, so an edit applies at
 * once.
 */
@Service
public class ReferenceData {

    public record Item(String code, ProblemCategory category, String name, int sort, boolean active, boolean fromNotice,
            long uses, long version, String updatedBy, Instant updatedAt) {
    }

    public record Holiday(LocalDate day, boolean working, String name, long version, String updatedBy,
            Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final WorkingDays workingDays;

    ReferenceData(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    // ---- problem items
    // ----------------------------------------------------------------------------------------

    // How many problems use each item: one grouped pass over the problems for the whole
    // list (a count per item
    // would scan the problems once per item; item_code has no index of its own).
    private static final String ITEM_SELECT = """
            select i.*, coalesce(u.uses, 0) as uses
            from problem_item i
                 left join (select item_code, count(*) as uses from problem group by item_code) u on u.item_code = i.code
            """;

    @Transactional(readOnly = true)
    public List<Item> items() {
        return jdbc.sql(ITEM_SELECT + " order by i.category, i.sort, i.code").query(ReferenceData::item).list();
    }

    /** Items offered when registering a problem: the active ones. */
    @Transactional(readOnly = true)
    public List<ProblemLedger.ItemRow> activeItems() {
        return jdbc.sql("select code, category, name from problem_item where active order by category, sort, code")
            .query((rs, n) -> new ProblemLedger.ItemRow(rs.getString("code"),
                    ProblemCategory.valueOf(rs.getString("category")), rs.getString("name")))
            .list();
    }

    @Transactional(readOnly = true)
    public Item item(String code) {
        return findItem(code).orElseThrow(() -> new NotFoundException("problem item " + code));
    }

    private Optional<Item> findItem(String code) {
        return jdbc.sql(ITEM_SELECT + " where i.code = :c").param("c", code).query(ReferenceData::item).optional();
    }

    /** Adds an item to a category; the code is the category, a dot and the suffix. */
    @Transactional
    public String addItem(ProblemItemForm form) {
        if (form.suffix() == null || form.suffix().isBlank()) {
            throw new BusinessRuleViolation("item.suffix.required");
        }
        String code = form.category().name() + "." + form.suffix().trim();
        if (findItem(code).isPresent()) {
            throw new BusinessRuleViolation("item.code.taken", code);
        }
        if (jdbc.sql("select count(*) from problem_item where category = :cat and name = :n")
            .param("cat", form.category().name())
            .param("n", form.name().trim())
            .query(Integer.class)
            .single() > 0) {
            throw new BusinessRuleViolation("item.name.taken", form.name().trim());
        }
        jdbc.sql("""
                insert into problem_item (code, category, name, sort, active, added_by, updated_by, updated_at)
                values (:c, :cat, :n, :s, :a, :by, :by, :at)
                """)
            .param("c", code)
            .param("cat", form.category().name())
            .param("n", form.name().trim())
            .param("s", form.sort())
            .param("a", form.isActive())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(AuditEvent.change("ledger.item.added", "problem_item", code, Map.of(), describe(form)));
        return code;
    }

    /**
     * Renames, re-sorts, deactivates or reactivates an item; its code and category stay.
     */
    @Transactional
    public void updateItem(String code, ProblemItemForm form) {
        Item before = item(code);
        if (jdbc.sql("select count(*) from problem_item where category = :cat and name = :n and code <> :c")
            .param("cat", before.category().name())
            .param("n", form.name().trim())
            .param("c", code)
            .query(Integer.class)
            .single() > 0) {
            throw new BusinessRuleViolation("item.name.taken", form.name().trim());
        }
        int n = jdbc.sql("""
                update problem_item set name = :n, sort = :s, active = :a, version = version + 1,
                       updated_by = :by, updated_at = :at
                where code = :c and version = :v
                """)
            .param("n", form.name().trim())
            .param("s", form.sort())
            .param("a", form.isActive())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("c", code)
            .param("v", form.version() == null ? -1 : form.version())
            .update();
        if (n == 0) {
            Item now = item(code);
            throw new StaleEditException("problem item " + code, now.updatedBy(), now.updatedAt());
        }
        events.publishEvent(AuditEvent.change("ledger.item.updated", "problem_item", code,
                describe(ProblemItemForm.of(before)), describe(form)));
    }

    /**
     * Deletes an item an administrator added and no problem uses; anything else is
     * deactivated instead.
     */
    @Transactional
    public void deleteItem(String code, long version) {
        Item before = item(code);
        if (before.fromNotice()) {
            throw new BusinessRuleViolation("item.delete.fromNotice");
        }
        if (before.uses() > 0) {
            throw new BusinessRuleViolation("item.delete.used", before.uses());
        }
        int n = jdbc
            .sql("delete from problem_item where code = :c and version = :v "
                    + "and not exists (select 1 from problem where item_code = :c)")
            .param("c", code)
            .param("v", version)
            .update();
        if (n == 0) {
            throw new StaleEditException("problem item " + code, before.updatedBy(), before.updatedAt());
        }
        events.publishEvent(AuditEvent.change("ledger.item.deleted", "problem_item", code,
                describe(ProblemItemForm.of(before)), Map.of()));
    }

    private static Map<String, Object> describe(ProblemItemForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("category", String.valueOf(form.category()));
        values.put("name", form.name());
        values.put("sort", form.sort());
        values.put("active", form.isActive());
        return values;
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new Item(rs.getString("code"), ProblemCategory.valueOf(rs.getString("category")), rs.getString("name"),
                rs.getInt("sort"), rs.getBoolean("active"), rs.getString("added_by") == null, rs.getLong("uses"),
                rs.getLong("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
    }

    // ---- holiday calendar
    // -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Holiday> holidays(int year) {
        return jdbc.sql("select * from holiday_calendar where day between :a and :b order by day")
            .param("a", Date.valueOf(LocalDate.of(year, 1, 1)))
            .param("b", Date.valueOf(LocalDate.of(year, 12, 31)))
            .query(ReferenceData::holiday)
            .list();
    }

    /** Years that have listed days, plus the current and the next year, newest first. */
    @Transactional(readOnly = true)
    public List<Integer> holidayYears(int current) {
        return jdbc.sql("""
                select y from (select distinct extract(year from day)::int as y from holiday_calendar
                               union select :c union select :n) years order by y desc
                """).param("c", current).param("n", current + 1).query(Integer.class).list();
    }

    @Transactional(readOnly = true)
    public Holiday holiday(LocalDate day) {
        return findHoliday(day).orElseThrow(() -> new NotFoundException("holiday " + day));
    }

    private Optional<Holiday> findHoliday(LocalDate day) {
        return jdbc.sql("select * from holiday_calendar where day = :d")
            .param("d", Date.valueOf(day))
            .query(ReferenceData::holiday)
            .optional();
    }

    /** Lists a day; a day already listed is refused (edit it instead). */
    @Transactional
    public void addHoliday(HolidayForm form) {
        if (findHoliday(form.day()).isPresent()) {
            throw new BusinessRuleViolation("holiday.day.taken", form.day().toString());
        }
        jdbc.sql("""
                insert into holiday_calendar (day, working, name, updated_by, updated_at)
                values (:d, :w, :n, :by, :at)
                """)
            .param("d", Date.valueOf(form.day()))
            .param("w", form.isWorking())
            .param("n", blankToNull(form.name()))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        workingDays.calendarChanged();
        events.publishEvent(
                AuditEvent.change("ledger.holiday.added", "holiday_calendar", form.day(), Map.of(), describe(form)));
    }

    @Transactional
    public void updateHoliday(LocalDate day, HolidayForm form) {
        Holiday before = holiday(day);
        int n = jdbc.sql("""
                update holiday_calendar set working = :w, name = :n, version = version + 1,
                       updated_by = :by, updated_at = :at
                where day = :d and version = :v
                """)
            .param("w", form.isWorking())
            .param("n", blankToNull(form.name()))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("d", Date.valueOf(day))
            .param("v", form.version() == null ? -1 : form.version())
            .update();
        if (n == 0) {
            Holiday now = holiday(day);
            throw new StaleEditException("holiday " + day, now.updatedBy(), now.updatedAt());
        }
        workingDays.calendarChanged();
        events.publishEvent(AuditEvent.change("ledger.holiday.updated", "holiday_calendar", day,
                describe(HolidayForm.of(before)), describe(form)));
    }

    /**
     * A line of an imported calendar that cannot be taken, with the reason as a message
     * key.
     */
    public record ImportError(int line, String messageKey, Object[] args) {
    }

    /**
     * Imports days from the rows of a file ({@code date,kind,name}, see
     * {@link HolidayFile}; kind as on the page in either language, or true/false, 1/0,
     * where true means a working day); a first row that is not a date is a header. Every
     * row is checked first; if any fails (bad date or kind, a day twice, a day already
     * listed), nothing is imported.
     * @param rows the cells of each row, the row's number being its place in the list
     * plus one
     * @param kinds the accepted spellings of a kind, lower-cased, mapped to "working"
     * @return the errors; empty when all days were imported
     */
    @Transactional
    public List<ImportError> importHolidays(List<List<String>> rows, Map<String, Boolean> kinds) {
        List<ImportError> errors = new java.util.ArrayList<>();
        Map<LocalDate, HolidayForm> days = new java.util.TreeMap<>();
        if (rows.size() > MAX_IMPORT_LINES) {
            return List.of(new ImportError(0, "holiday.import.tooMany", new Object[] { MAX_IMPORT_LINES }));
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).toArray(String[]::new);
            if (cells.length == 0 || String.join("", cells).isBlank()) {
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(cells[0].trim());
            }
            catch (java.time.format.DateTimeParseException e) {
                if (i == 0) {
                    continue;
                }
                errors.add(new ImportError(i + 1, "holiday.import.badDate", new Object[] { cells[0].trim() }));
                continue;
            }
            Boolean working = cells.length < 2 ? null : kinds.get(cells[1].trim().toLowerCase(java.util.Locale.ROOT));
            String name = cells.length < 3 ? null : cells[2].trim();
            if (working == null) {
                errors.add(new ImportError(i + 1, "holiday.import.badKind",
                        new Object[] { cells.length < 2 ? "" : cells[1].trim() }));
            }
            else if (name != null && name.length() > 50) {
                errors.add(new ImportError(i + 1, "holiday.import.nameTooLong", new Object[] { 50 }));
            }
            else if (days.containsKey(day)) {
                errors.add(new ImportError(i + 1, "holiday.import.twice", new Object[] { day.toString() }));
            }
            else if (findHoliday(day).isPresent()) {
                errors.add(new ImportError(i + 1, "holiday.day.taken", new Object[] { day.toString() }));
            }
            else {
                days.put(day, new HolidayForm(day, working, name, null));
            }
        }
        if (errors.isEmpty() && days.isEmpty()) {
            errors.add(new ImportError(0, "holiday.import.empty", new Object[0]));
        }
        if (errors.isEmpty()) {
            days.values().forEach(this::addHoliday);
        }
        return errors;
    }

    static final int MAX_IMPORT_LINES = 400;

    /** Removes a listed day: it becomes an ordinary weekday or weekend day again. */
    @Transactional
    public void deleteHoliday(LocalDate day, long version) {
        Holiday before = holiday(day);
        int n = jdbc.sql("delete from holiday_calendar where day = :d and version = :v")
            .param("d", Date.valueOf(day))
            .param("v", version)
            .update();
        if (n == 0) {
            throw new StaleEditException("holiday " + day, before.updatedBy(), before.updatedAt());
        }
        workingDays.calendarChanged();
        events.publishEvent(AuditEvent.change("ledger.holiday.deleted", "holiday_calendar", day,
                describe(HolidayForm.of(before)), Map.of()));
    }

    private static Map<String, Object> describe(HolidayForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("day", String.valueOf(form.day()));
        values.put("working", form.isWorking());
        values.put("name", form.name());
        return values;
    }

    private static Holiday holiday(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new Holiday(rs.getDate("day").toLocalDate(), rs.getBoolean("working"), rs.getString("name"),
                rs.getLong("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}

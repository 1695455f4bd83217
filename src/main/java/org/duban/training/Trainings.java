package org.duban.training;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.Staff;
import org.duban.organization.StaffDirectory;
import org.duban.security.CurrentUser;
import org.duban.shared.SqlLike;
import org.duban.shared.PageOf;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Training sessions of the units in scope, their attendance and the attendance rate per
 * unit.
 */
@Service
public class Trainings {

    /** One expected attendee and whether they attended (null: not recorded yet). */
    public record Attendee(UUID staffId, String name, UUID unitId, Boolean present) {
    }

    /** Attendance of a unit over the held sessions in scope. */
    public record UnitRate(UUID unitId, int expected, int present) {
        public double rate() {
            return expected == 0 ? 0 : Math.round(present * 1000.0 / expected) / 10.0;
        }
    }

    /**
     * What a sign-in sheet gave: names matched to expected staff, and names that matched
     * nobody (a flash attribute: serializable, sessions live in the database).
     */
    public record SheetResult(int matched, List<String> unknown) implements java.io.Serializable {
    }

    private final JdbcClient jdbc;

    private final StaffDirectory staff;

    private final MessageSource messages;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Trainings(JdbcClient jdbc, StaffDirectory staff, MessageSource messages, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    private static final String COLUMNS = "select t.*, array(select u.unit_id from training_unit u where u.session_id = t.id) as targets";

    private static final String IN_SCOPE = " from training_session t where t.unit_id = any(:units)";

    private static final String SELECT = COLUMNS + IN_SCOPE;

    /** The filters of the trainings list; null = any. */
    public record Filter(TrainingStatus status, String q) {
    }

    /** The keyword is matched in the topic and the place. */
    private static final String FILTER = """
             and (cast(:status as varchar) is null or t.status = :status)
             and (cast(:q as varchar) is null or t.topic ilike '%' || :q || '%' or t.place ilike '%' || :q || '%')
            """;

    /** One page of the sessions in scope that match, with the count of all that match. */
    @Transactional(readOnly = true)
    public PageOf<TrainingSession> search(DataScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, COLUMNS, IN_SCOPE + FILTER, "order by t.held_on desc, t.id", params, Trainings::map,
                page, size);
    }

    @Transactional(readOnly = true)
    public TrainingSession get(UUID id, DataScope scope) {
        return jdbc.sql(SELECT + " and t.id = :id")
            .param("units", scope.unitArray())
            .param("id", id)
            .query(Trainings::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("training " + id));
    }

    /** The staff of the session's units (in scope), with their recorded attendance. */
    @Transactional(readOnly = true)
    public List<Attendee> attendees(TrainingSession session, DataScope scope) {
        Map<UUID, Boolean> recorded = new HashMap<>();
        jdbc.sql("select staff_id, present from training_attendance where session_id = :id")
            .param("id", session.id())
            .query(rs -> {
                recorded.put(rs.getObject("staff_id", UUID.class), rs.getBoolean("present"));
            });
        Set<UUID> targets = new HashSet<>(session.targetUnits());
        return staff.list(scope, null)
            .stream()
            .filter(s -> targets.contains(s.unitId()))
            .map(s -> new Attendee(s.id(), s.name(), s.unitId(), recorded.get(s.id())))
            .toList();
    }

    /** Attendance rate per unit over held sessions of units in scope. */
    @Transactional(readOnly = true)
    public List<UnitRate> rates(DataScope scope) {
        return jdbc.sql("""
                select a.unit_id, count(*) as expected, count(*) filter (where a.present) as present
                from training_attendance a join training_session t on t.id = a.session_id
                where t.status = 'HELD' and a.unit_id = any(:units)
                group by a.unit_id order by a.unit_id
                """)
            .param("units", scope.unitArray())
            .query((rs, n) -> new UnitRate(rs.getObject("unit_id", UUID.class), rs.getInt("expected"),
                    rs.getInt("present")))
            .list();
    }

    @Transactional
    public UUID create(TrainingForm form, DataScope scope) {
        check(form, scope);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into training_session (id, unit_id, topic, held_on, place, materials, created_by, created_at,
                                              updated_by, updated_at)
                values (:id, :unit, :topic, :on, :place, :materials, :by, :at, :by, :at)
                """)
            .param("id", id)
            .param("unit", form.unitId())
            .param("topic", form.topic().strip())
            .param("on", Date.valueOf(form.heldOn()))
            .param("place", form.place().strip())
            .param("materials",
                    form.materials() == null || form.materials().isBlank() ? null : form.materials().strip())
            .param("by", CurrentUser.actor())
            .param("at", now)
            .update();
        targets(id, form.targetUnits());
        events.publishEvent(AuditEvent.change("training.planned", "training_session", id, Map.of(),
                Map.of("topic", form.topic(), "heldOn", form.heldOn().toString())));
        return id;
    }

    @Transactional
    public void cancel(UUID id, long version, DataScope scope) {
        TrainingSession before = get(id, scope);
        requireVersion(before, version);
        move(before, before.cancel(), "training.cancelled", Map.of());
    }

    /**
     * Records who attended among the expected staff: everyone expected gets a row,
     * present or not; a staff id that is not expected is refused (it came from another
     * unit or was forged).
     */
    @Transactional
    public void recordAttendance(UUID id, long version, Collection<UUID> present, String source, DataScope scope) {
        TrainingSession before = get(id, scope);
        requireVersion(before, version);
        TrainingStatus to = before.recordAttendance(LocalDate.now(clock));
        List<Attendee> expected = attendees(before, scope);
        Set<UUID> expectedIds = new HashSet<>(expected.stream().map(Attendee::staffId).toList());
        for (UUID staffId : present) {
            if (!expectedIds.contains(staffId)) {
                throw new BusinessRuleViolation("training.attendance.notExpected");
            }
        }
        move(before, to, "training.attendance",
                Map.of("present", present.size(), "expected", expected.size(), "source", source));
        jdbc.sql("delete from training_attendance where session_id = :id").param("id", id).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (Attendee a : expected) {
            jdbc.sql("""
                    insert into training_attendance (session_id, staff_id, unit_id, present, source, recorded_by,
                                                     recorded_at)
                    values (:id, :staff, :unit, :present, :source, :by, :at)
                    """)
                .param("id", id)
                .param("staff", a.staffId())
                .param("unit", a.unitId())
                .param("present", present.contains(a.staffId()))
                .param("source", source)
                .param("by", CurrentUser.actor())
                .param("at", now)
                .update();
        }
    }

    /**
     * A sign-in sheet (.xlsx): the first sheet, a header row with a column titled 姓名 (or
     * "Name"); every name is matched to an expected staff member of the session. Those
     * already marked present stay present.
     */
    @Transactional
    public SheetResult importSheet(UUID id, long version, InputStream in, DataScope scope) throws IOException {
        TrainingSession session = get(id, scope);
        List<Attendee> expected = attendees(session, scope);
        Map<String, List<UUID>> byName = new HashMap<>();
        expected.forEach(a -> byName.computeIfAbsent(a.name().strip(), k -> new ArrayList<>()).add(a.staffId()));
        Set<UUID> present = new LinkedHashSet<>();
        expected.stream().filter(a -> Boolean.TRUE.equals(a.present())).forEach(a -> present.add(a.staffId()));
        List<String> unknown = new ArrayList<>();
        int matched = 0;
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(in);
        }
        catch (Exception notXlsx) {
            throw new BusinessRuleViolation("training.sheet.notXlsx");
        }
        try (workbook) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int nameColumn = -1;
            int headerRow = -1;
            for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 10) && nameColumn < 0; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    String header = format.formatCellValue(row.getCell(c)).strip();
                    if (header.equals(m("training.sheet.name", Locale.SIMPLIFIED_CHINESE))
                            || header.equalsIgnoreCase(m("training.sheet.name", Locale.ENGLISH))) {
                        nameColumn = c;
                        headerRow = r;
                        break;
                    }
                }
            }
            if (nameColumn < 0) {
                throw new BusinessRuleViolation("training.sheet.noNameColumn");
            }
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String name = row == null ? "" : format.formatCellValue(row.getCell(nameColumn)).strip();
                if (name.isEmpty()) {
                    continue;
                }
                List<UUID> ids = byName.get(name);
                if (ids == null || ids.size() != 1) {
                    unknown.add(name);
                }
                else if (present.add(ids.get(0))) {
                    matched++;
                }
            }
        }
        recordAttendance(id, version, present, "SHEET", scope);
        return new SheetResult(matched, unknown);
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private void move(TrainingSession before, TrainingStatus to, String action, Map<String, Object> extra) {
        int n = jdbc.sql("""
                update training_session set status = :status, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", to.name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", before.id())
            .param("version", before.version())
            .update();
        if (n == 0) {
            throw stale(before.id());
        }
        Map<String, Object> after = new HashMap<>(extra);
        after.put("status", to.name());
        events.publishEvent(AuditEvent.change(action, "training_session", before.id(),
                Map.of("status", before.status().name()), after));
    }

    private void check(TrainingForm form, DataScope scope) {
        if (!scope.includes(form.unitId()) || !form.targetUnits().stream().allMatch(scope::includes)) {
            throw new BusinessRuleViolation("training.unitOutOfScope");
        }
    }

    private void targets(UUID id, List<UUID> units) {
        for (UUID unit : new LinkedHashSet<>(units)) {
            jdbc.sql("insert into training_unit (session_id, unit_id) values (:id, :unit)")
                .param("id", id)
                .param("unit", unit)
                .update();
        }
    }

    private void requireVersion(TrainingSession before, long version) {
        if (before.version() != version) {
            throw stale(before.id());
        }
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from training_session where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("training " + id, rs.getString("updated_by"),
                    rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
            .single();
    }

    static TrainingSession map(ResultSet rs, int n) throws SQLException {
        return new TrainingSession(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getString("topic"), rs.getDate("held_on").toLocalDate(), rs.getString("place"),
                rs.getString("materials"), TrainingStatus.valueOf(rs.getString("status")),
                List.of((UUID[]) rs.getArray("targets").getArray()), rs.getLong("version"), rs.getString("created_by"));
    }

}

package org.duban.campaign;

import org.duban.shared.BureauClock;
import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.StaffDirectory;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.duban.shared.UploadedFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The key-task plan. A task is visible to users whose data scope holds its owner unit;
 * edits need the owner unit in scope too. Every change is versioned, written to the
 * task's timeline (old → new) and audited.
 */
@Service
public class KeyTasks {

    /** Filters, sorting and page of the task list. */
    public record Filter(UUID campaign, Phase phase, UUID unit, KeyTaskStatus status, Boolean overdue, String q,
            String sort, String dir, Integer page) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null);
        }

        int pageOrFirst() {
            return page == null || page < 0 ? 0 : page;
        }

        public boolean ascending() {
            return !"desc".equals(dir);
        }

        String orderBy() {
            String column = switch (sort == null ? "" : sort) {
                case "title" -> "t.title";
                case "status" -> "t.status";
                case "phase" -> "t.phase";
                default -> "t.deadline";
            };
            String d = ascending() ? " asc" : " desc";
            return column + d + " nulls last, t.title" + d + ", t.id";
        }
    }

    public record Result(List<KeyTask> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final BureauClock bureau;

    private final KeyTaskFiles files;

    private final StaffDirectory staff;

    private final Campaigns campaigns;

    KeyTasks(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, BureauClock bureau, KeyTaskFiles files,
            StaffDirectory staff, Campaigns campaigns) {
        this.bureau = bureau;
        this.files = files;
        this.staff = staff;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return bureau.today();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(Filter f, DataScope scope) {
        StringBuilder sql = new StringBuilder(" from key_task t where t.owner_unit_id = any(:units)");
        Map<String, Object> p = new HashMap<>();
        p.put("units", scope.unitArray());
        if (f.campaign() != null) {
            sql.append(" and t.campaign_id = :campaign");
            p.put("campaign", f.campaign());
        }
        if (f.phase() != null) {
            sql.append(" and t.phase = :phase");
            p.put("phase", f.phase().name());
        }
        if (f.unit() != null) {
            sql.append(" and t.owner_unit_id = :unit");
            p.put("unit", f.unit());
        }
        if (f.status() != null) {
            sql.append(" and t.status = :status");
            p.put("status", f.status().name());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and t.status <> :done and t.deadline < :today");
            p.put("done", KeyTaskStatus.DONE.name());
            p.put("today", Date.valueOf(today()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" and t.title ilike :q");
            p.put("q", "%" + f.q().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql.toString(), p);
    }

    @Transactional(readOnly = true)
    public Result list(Filter f, DataScope scope) {
        Where w = where(f, scope);
        long total = jdbc.sql("select count(*)" + w.sql()).params(w.params()).query(Long.class).single();
        List<KeyTask> rows = jdbc.sql("select t.*" + w.sql() + " order by " + f.orderBy() + " limit :l offset :o")
            .params(w.params())
            .param("l", PAGE_SIZE)
            .param("o", (long) f.pageOrFirst() * PAGE_SIZE)
            .query(KeyTasks::map)
            .list();
        return new Result(rows, total, f.pageOrFirst(), PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    public void forEach(Filter f, DataScope scope, Consumer<KeyTask> each) {
        Where w = where(f, scope);
        jdbc.sql("select t.*" + w.sql() + " order by " + f.orderBy())
            .params(w.params())
            .withFetchSize(500)
            .query(rs -> {
                each.accept(map(rs, 0));
            });
    }

    @Transactional(readOnly = true)
    public KeyTask get(UUID id, DataScope scope) {
        return jdbc.sql("select * from key_task where id = :id and owner_unit_id = any(:units)")
            .param("id", id)
            .param("units", scope.unitArray())
            .query(KeyTasks::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("task " + id));
    }

    @Transactional(readOnly = true)
    public List<KeyTask.Progress> progress(UUID id) {
        return jdbc.sql("select * from key_task_progress where task_id = :id order by reported_on, reported_at")
            .param("id", id)
            .query((rs, n) -> new KeyTask.Progress(rs.getObject("id", UUID.class),
                    rs.getDate("reported_on").toLocalDate(), rs.getString("text"), rs.getInt("percent"),
                    rs.getString("reported_by")))
            .list();
    }

    @Transactional(readOnly = true)
    public List<KeyTask.Change> history(UUID id) {
        return jdbc.sql("select * from key_task_change where task_id = :id order by id")
            .param("id", id)
            .query((rs, n) -> new KeyTask.Change(
                    LocalDateTime.ofInstant(rs.getTimestamp("at").toInstant(), bureau.zone()), rs.getString("actor"),
                    rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")))
            .list();
    }

    @Transactional
    public UUID create(KeyTaskForm form, DataScope scope) {
        check(form, scope);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into key_task (id, campaign_id, title, description, phase, owner_unit_id, owner_person, co_units,
                                      starts_on, deadline, acceptance_standard, deliverable, acceptor_login,
                                      fulfilled_by_kind, fulfilled_by_period, status, percent,
                                      created_by, created_at, updated_by, updated_at)
                values (:id, :campaign, :title, :description, :phase, :owner, :person, :co, :starts, :deadline,
                        :acceptance, :deliverable, :acceptor, :fulfilledKind, :fulfilledPeriod, 'NOT_STARTED', 0,
                        :by, :at, :by, :at)
                """)
            .param("id", id)
            .params(columns(form))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        Map<String, Object> values = describe(form);
        values.forEach((k, v) -> record(id, k, null, v));
        events.publishEvent(AuditEvent.change("keytask.created", "key_task", id, Map.of(), values));
        events.publishEvent(new KeyTaskHandedOver(UUID.randomUUID(), id, form.title(), "assigned", form.ownerUnitId(),
                form.ownerPerson(), 0, CurrentUser.actor(), clock.instant()));
        return id;
    }

    @Transactional
    public void update(UUID id, KeyTaskForm form, DataScope scope) {
        KeyTask before = get(id, scope);
        check(form, scope);
        int n = jdbc.sql("""
                update key_task set campaign_id = :campaign, title = :title, description = :description, phase = :phase,
                       owner_unit_id = :owner, owner_person = :person, co_units = :co, starts_on = :starts,
                       deadline = :deadline, acceptance_standard = :acceptance, deliverable = :deliverable,
                       acceptor_login = :acceptor, fulfilled_by_kind = :fulfilledKind,
                       fulfilled_by_period = :fulfilledPeriod, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .params(columns(form))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", form.version() == null ? -1 : form.version())
            .update();
        if (n == 0) {
            throw stale(id);
        }
        Map<String, Object> old = describe(KeyTaskForm.of(before));
        Map<String, Object> now = describe(form);
        Map<String, Object> oldChanged = new LinkedHashMap<>();
        Map<String, Object> newChanged = new LinkedHashMap<>();
        now.forEach((k, v) -> {
            if (!Objects.equals(old.get(k), v)) {
                oldChanged.put(k, old.get(k));
                newChanged.put(k, v);
                record(id, k, old.get(k), v);
            }
        });
        events.publishEvent(AuditEvent.change("keytask.updated", "key_task", id, oldChanged, newChanged));
    }

    /**
     * A progress update: date, text, percent and attachments. The task decides the new
     * status (anything above 0 starts it, 100 % with evidence sends it to acceptance); a
     * refused file refuses the whole update (nothing is half-saved).
     */
    @Transactional
    void report(UUID id, long version, LocalDate on, String text, int percent, List<KeyTaskFiles.Upload> uploads,
            DataScope scope) {
        KeyTask before = get(id, scope);
        List<String> types = files.check(uploads);
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw new BusinessRuleViolation("keytask.progress.textRequired");
        }
        if (on == null || on.isAfter(today())) {
            throw new BusinessRuleViolation("keytask.progress.dateInvalid");
        }
        if (before.version() != version) {
            throw stale(id); // the user saw an older task: say who changed it rather than
                             // judge the old form
        }
        KeyTask.Transition t = before.report(percent, files.list(id).size() + uploads.size());
        move(before, version, t, null);
        UUID progressId = UUID.randomUUID();
        jdbc.sql("""
                insert into key_task_progress (id, task_id, reported_on, text, percent, reported_by, reported_at)
                values (:pid, :id, :on, :text, :percent, :by, :at)
                """)
            .param("pid", progressId)
            .param("id", id)
            .param("on", Date.valueOf(on))
            .param("text", text.trim())
            .param("percent", percent)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        files.store(id, progressId, uploads, types);
        List<String> names = uploads.stream().map(u -> UploadedFiles.safeName(u.fileName())).toList();
        if (!names.isEmpty()) {
            record(id, "files", null, String.join(", ", names));
        }
        events.publishEvent(AuditEvent.change("keytask.progress", "key_task", id,
                Map.of("percent", before.percent(), "status", before.status().name()),
                Map.of("percent", percent, "status", t.to().name(), "files", names)));
        if (t.to() == KeyTaskStatus.AWAITING_ACCEPTANCE) {
            events.publishEvent(new KeyTaskAwaitingAcceptance(UUID.randomUUID(), id, before.title(),
                    before.ownerUnitId(), before.acceptorLogin()));
        }
        events.publishEvent(new KeyTaskHandedOver(UUID.randomUUID(), id, before.title(), "progress",
                before.ownerUnitId(), before.ownerPerson(), percent, CurrentUser.actor(), clock.instant()));
    }

    /**
     * 验收: the acceptor accepts the task against its acceptance standard
     * ({@code accepted}) or returns it with reasons. Who may: the leading group
     * ({@code keytask:task:accept}), or only the staff member the task names.
     */
    @Transactional
    public void decide(UUID id, long version, boolean accepted, String opinion, DataScope scope) {
        KeyTask before = get(id, scope);
        var me = CurrentUser.require();
        boolean group = me.can(KeyTaskRoutes.ACCEPT);
        if (before.version() != version) {
            throw stale(id);
        }
        KeyTask.Transition t = accepted ? before.accept(opinion, me.getUsername(), group)
                : before.returnForRework(opinion, me.getUsername(), group);
        move(before, version, t, opinion.trim());
        events.publishEvent(AuditEvent.change("keytask." + t.action(), "key_task", id,
                Map.of("status", before.status().name()), Map.of("status", t.to().name(), "opinion", opinion.trim())));
        if (accepted) {
            events.publishEvent(new KeyTaskAccepted(id, before.title(), before.ownerUnitId(), CurrentUser.actor()));
        }
        else {
            events.publishEvent(
                    new KeyTaskReturned(id, before.title(), before.ownerUnitId(), opinion.trim(), CurrentUser.actor()));
        }
    }

    /**
     * A report was submitted: the tasks of its campaign that this report fulfils (same
     * kind; same month when the task names one) are accepted, the report's document
     * number as the opinion. Runs in the submission's transaction, so the task and the
     * submission succeed or fail together.
     */
    @EventListener
    @Transactional
    public void on(ReportSubmitted report) {
        List<KeyTask> fulfilled = jdbc.sql("""
                select * from key_task where campaign_id = :campaign and fulfilled_by_kind = :kind
                and (fulfilled_by_period is null or fulfilled_by_period = :period) and status <> :done
                """)
            .param("done", KeyTaskStatus.DONE.name())
            .param("campaign", report.campaignId())
            .param("kind", report.kind().name())
            .param("period", Date.valueOf(report.period()))
            .query(KeyTasks::map)
            .list();
        for (KeyTask task : fulfilled) {
            KeyTask.Transition t = task.fulfil(report.kind(), report.period());
            String opinion = String.join(" ", report.documentNumber(), report.title()).strip();
            move(task, task.version(), t, opinion);
            UUID progressId = UUID.randomUUID();
            jdbc.sql("""
                    insert into key_task_progress (id, task_id, reported_on, text, percent, reported_by, reported_at)
                    values (:pid, :id, :on, :text, 100, :by, :at)
                    """)
                .param("pid", progressId)
                .param("id", task.id())
                .param("on", Date.valueOf(today()))
                .param("text", opinion)
                .param("by", CurrentUser.actor())
                .param("at", Timestamp.from(clock.instant()))
                .update();
            events.publishEvent(
                    AuditEvent.change("keytask.fulfil", "key_task", task.id(), Map.of("status", task.status().name()),
                            Map.of("status", t.to().name(), "report", report.reportId().toString())));
            events.publishEvent(new KeyTaskAccepted(task.id(), task.title(), task.ownerUnitId(), CurrentUser.actor()));
        }
    }

    /**
     * Writes a transition: status and percent, the acceptance columns when it accepts or
     * returns, the timeline.
     */
    private void move(KeyTask before, long version, KeyTask.Transition t, String opinion) {
        boolean decision = opinion != null;
        boolean accepted = t.to() == KeyTaskStatus.DONE;
        int n = jdbc.sql("""
                update key_task set percent = :percent, status = :status,
                       accepted_by = case when :decision then :acceptedBy else accepted_by end,
                       accepted_at = case when :decision then :acceptedAt else accepted_at end,
                       acceptance_opinion = case when :decision then :opinion else acceptance_opinion end,
                       version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("percent", t.percent())
            .param("status", t.to().name())
            .param("decision", decision)
            .param("acceptedBy", accepted ? CurrentUser.actor() : null)
            .param("acceptedAt", accepted ? Timestamp.from(clock.instant()) : null)
            .param("opinion", opinion)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", before.id())
            .param("version", version)
            .update();
        if (n == 0) {
            throw stale(before.id());
        }
        if (t.percent() != before.percent()) {
            record(before.id(), "percent", before.percent(), t.percent());
        }
        if (t.to() != before.status()) {
            record(before.id(), "status", before.status(), t.to());
        }
        if (decision) {
            record(before.id(), "acceptanceOpinion", null, opinion);
        }
    }

    private void check(KeyTaskForm form, DataScope scope) {
        if (!scope.includes(form.ownerUnitId())) {
            throw new BusinessRuleViolation("keytask.ownerOutOfScope");
        }
        if (!campaigns.isVisible(form.campaignId(), scope)) {
            throw new BusinessRuleViolation("keytask.campaignOutOfScope");
        }
        if (form.startsOn() != null && form.deadline().isBefore(form.startsOn())) {
            throw new BusinessRuleViolation("keytask.deadlineBeforeStart");
        }
        if (form.acceptorLogin() != null && !form.acceptorLogin().isBlank()
                && staff.findByLogin(form.acceptorLogin().strip()).isEmpty()) {
            throw new BusinessRuleViolation("keytask.acceptor.unknown", form.acceptorLogin().strip());
        }
        if (form.fulfilledByMonth() != null && form.fulfilledByKind() != KeyTaskReportKind.MONTHLY) {
            throw new BusinessRuleViolation("keytask.fulfilledBy.monthOnlyForMonthly");
        }
    }

    private void record(UUID id, String field, Object oldValue, Object newValue) {
        jdbc.sql("""
                insert into key_task_change (task_id, at, actor, field, old_value, new_value)
                values (:id, :at, :actor, :field, :old, :new)
                """)
            .param("id", id)
            .param("at", Timestamp.from(clock.instant()))
            .param("actor", CurrentUser.actor())
            .param("field", field)
            .param("old", oldValue == null ? null : String.valueOf(oldValue))
            .param("new", newValue == null ? null : String.valueOf(newValue))
            .update();
    }

    private StaleEditException stale(UUID id) {
        Map<String, Object> row = jdbc.sql("select updated_by, updated_at from key_task where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        Timestamp at = (Timestamp) row.get("updated_at");
        return new StaleEditException("task " + id, (String) row.get("updated_by"), at == null ? null : at.toInstant());
    }

    private static Map<String, Object> columns(KeyTaskForm f) {
        Map<String, Object> p = new HashMap<>();
        p.put("campaign", f.campaignId());
        p.put("title", f.title().trim());
        p.put("description", f.description());
        p.put("phase", f.phase() == null ? null : f.phase().name());
        p.put("owner", f.ownerUnitId());
        p.put("person", f.ownerPerson());
        p.put("co", f.coUnits());
        p.put("starts", f.startsOn() == null ? null : Date.valueOf(f.startsOn()));
        p.put("deadline", Date.valueOf(f.deadline()));
        p.put("acceptance", f.acceptanceStandard());
        p.put("deliverable", f.deliverable());
        p.put("acceptor", f.acceptorLogin() == null || f.acceptorLogin().isBlank() ? null : f.acceptorLogin().strip());
        p.put("fulfilledKind", f.fulfilledByKind() == null ? null : f.fulfilledByKind().name());
        p.put("fulfilledPeriod", f.fulfilledByMonth() == null ? null : Date.valueOf(f.fulfilledByMonth().atDay(1)));
        return p;
    }

    private static Map<String, Object> describe(KeyTaskForm f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", f.title());
        v.put("phase", f.phase() == null ? null : f.phase().name());
        v.put("ownerUnitId", String.valueOf(f.ownerUnitId()));
        v.put("ownerPerson", f.ownerPerson());
        v.put("coUnits", f.coUnits());
        v.put("startsOn", f.startsOn() == null ? null : f.startsOn().toString());
        v.put("deadline", f.deadline().toString());
        v.put("acceptanceStandard", f.acceptanceStandard());
        v.put("deliverable", f.deliverable());
        v.put("acceptorLogin",
                f.acceptorLogin() == null || f.acceptorLogin().isBlank() ? null : f.acceptorLogin().strip());
        v.put("fulfilledByKind", f.fulfilledByKind() == null ? null : f.fulfilledByKind().name());
        v.put("fulfilledByMonth", f.fulfilledByMonth() == null ? null : f.fulfilledByMonth().toString());
        return v;
    }

    static KeyTask map(ResultSet rs, int n) throws SQLException {
        Date starts = rs.getDate("starts_on");
        Timestamp at = rs.getTimestamp("updated_at");
        String phase = rs.getString("phase");
        String fulfilled = rs.getString("fulfilled_by_kind");
        Date period = rs.getDate("fulfilled_by_period");
        Timestamp acceptedAt = rs.getTimestamp("accepted_at");
        return new KeyTask(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getString("title"), rs.getString("description"), phase == null ? null : Phase.valueOf(phase),
                rs.getObject("owner_unit_id", UUID.class), rs.getString("owner_person"), rs.getString("co_units"),
                starts == null ? null : starts.toLocalDate(), rs.getDate("deadline").toLocalDate(),
                rs.getString("acceptance_standard"), rs.getString("deliverable"),
                KeyTaskStatus.valueOf(rs.getString("status")), rs.getInt("percent"), rs.getLong("version"),
                rs.getString("updated_by"), at == null ? null : at.toInstant(), rs.getString("acceptor_login"),
                fulfilled == null ? null : KeyTaskReportKind.valueOf(fulfilled),
                period == null ? null : period.toLocalDate(), rs.getString("accepted_by"),
                acceptedAt == null ? null : acceptedAt.toInstant(), rs.getString("acceptance_opinion"));
    }

}

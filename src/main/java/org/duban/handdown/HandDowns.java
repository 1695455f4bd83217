package org.duban.handdown;

import org.duban.audit.AuditEvent;
import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.DubanUser;
import org.duban.shared.BureauClock;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.Sha256;
import org.duban.shared.StaleEditException;
import org.duban.shared.UploadedFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Items handed down and their reports. Every item is read within the caller's data scope
 * (its issuing or its receiving bureau must lie in it; else 404), and who may act on it
 * follows from the item's bureaus: only the receiving bureau reports back, only the
 * issuing bureau accepts or returns. A bureau hands down only to the bureaus one level
 * below it, so a county has no one to hand down to and counties never reach each other.
 */
@Service
public class HandDowns {

    static final String READ = "handdown:item:read";
    static final String ISSUE = "handdown:item:issue";
    static final String REPORT = "handdown:item:report";
    static final String DECIDE = "handdown:item:decide";

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Set<String> EVIDENCE_TYPES = Set.of(UploadedFiles.PDF, UploadedFiles.PNG, UploadedFiles.JPEG,
            UploadedFiles.ZIP);

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final WorkingDays workingDays;

    private final ApplicationEventPublisher events;

    private final BureauClock clock;

    HandDowns(JdbcClient jdbc, OrgUnits units, WorkingDays workingDays, ApplicationEventPublisher events,
            BureauClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
    }

    /** A file a user sent, not yet checked. */
    public record Upload(String fileName, byte[] content) {
    }

    /** An item with the names of its two bureaus. */
    public record Row(HandDown item, String fromName, String toName) {
    }

    /** A campaign or key task of the issuing bureau to attach an item to. */
    public record Choice(UUID id, String name) {
    }

    /** A field of the form and what is wrong with it (a message key). */
    public record FieldRefusal(String field, String messageKey) {
    }

    /** One step of an item's history with the evidence sent with it. */
    public record Step(UUID id, HandDownAction action, String text, String actorName, Instant at,
            List<EvidenceFile> files) {
    }

    public record EvidenceFile(UUID id, UUID stepId, String fileName, long size, String sha256) {
    }

    /**
     * Per bureau below, the items handed to it: open (at the bureau), overdue among them,
     * reported (waiting on the issuer), accepted, returned at least once.
     */
    public record Tally(OrgUnit bureau, int open, int overdue, int reported, int accepted, int returned) {
    }

    public LocalDate today() {
        return clock.today();
    }

    /** The bureau a user works for: the nearest bureau at or above their unit. */
    public OrgUnit bureauOf(DubanUser me) {
        return units.find(me.unitId()).map(units::bureauOf).orElseThrow(() -> new NotFoundException("unit"));
    }

    /** Where this user may hand down to: the bureaus one level below theirs, in scope. */
    public List<OrgUnit> targets(DubanUser me, DataScope scope) {
        return units.bureausBelow(bureauOf(me)).stream().filter(u -> scope.includes(u.id())).toList();
    }

    public List<Choice> ownCampaigns(DubanUser me) {
        return jdbc.sql("select id, title from campaign where owner_unit_id = :b order by starts_on desc, title")
            .param("b", bureauOf(me).id())
            .query((rs, n) -> new Choice(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    }

    public List<Choice> ownKeyTasks(DubanUser me) {
        return jdbc.sql("""
                select t.id, t.title from key_task t join campaign c on c.id = t.campaign_id
                where c.owner_unit_id = :b order by t.deadline, t.title
                """)
            .param("b", bureauOf(me).id())
            .query((rs, n) -> new Choice(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    }

    /**
     * What is wrong with a form beyond its annotations: a bureau not one level below
     * mine, a campaign or key task not of my bureau, a missing deadline or time limit.
     */
    public List<FieldRefusal> check(HandDownForm form, DubanUser me, DataScope scope) {
        List<FieldRefusal> refusals = new ArrayList<>();
        Set<UUID> below = new java.util.HashSet<>(targets(me, scope).stream().map(OrgUnit::id).toList());
        if (form.toUnitIds() != null && !below.containsAll(form.toUnitIds())) {
            refusals.add(new FieldRefusal("toUnitIds", "handdown.toUnits.notBelow"));
        }
        if (form.campaignId() != null && ownCampaigns(me).stream().noneMatch(c -> c.id().equals(form.campaignId()))) {
            refusals.add(new FieldRefusal("campaignId", "handdown.campaign.notOwn"));
        }
        if (form.keyTaskId() != null && ownKeyTasks(me).stream().noneMatch(t -> t.id().equals(form.keyTaskId()))) {
            refusals.add(new FieldRefusal("keyTaskId", "handdown.keyTask.notOwn"));
        }
        if (form.kind() == HandDownKind.TASK) {
            if (form.deadline() == null) {
                refusals.add(new FieldRefusal("deadline", "handdown.deadline.required"));
            }
            else if (form.deadline().isBefore(today())) {
                refusals.add(new FieldRefusal("deadline", "handdown.deadline.past"));
            }
        }
        if (form.kind() == HandDownKind.CASE && form.workingDays() == null) {
            refusals.add(new FieldRefusal("workingDays", "handdown.workingDays.required"));
        }
        return refusals;
    }

    /** Issues the form's item to each bureau chosen; returns the new items' ids. */
    @Transactional
    public List<UUID> issue(HandDownForm form, DubanUser me, DataScope scope) {
        List<FieldRefusal> refusals = check(form, me, scope);
        if (!refusals.isEmpty()) {
            throw new BusinessRuleViolation(refusals.get(0).messageKey());
        }
        LocalDate today = today();
        LocalDate due = form.kind() == HandDownKind.TASK ? form.deadline() : workingDays.add(today, form.workingDays());
        List<UUID> ids = new ArrayList<>();
        for (UUID to : form.toUnitIds()) {
            ids.add(insert(form, bureauOf(me).id(), to, today, due, me.getUsername(), me.displayName(), clock.now()));
        }
        return ids;
    }

    /**
     * Writes one issued item with its first step (also used by the demonstration loader,
     * which dates it in 2023).
     */
    UUID insert(HandDownForm form, UUID from, UUID to, LocalDate issuedOn, LocalDate dueOn, String actor,
            String actorName, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hand_down (id, kind, from_unit_id, to_unit_id, campaign_id, key_task_id, title,
                                       description, acceptance_standard, required_feedback, working_days, issued_on,
                                       due_on, created_by, created_at)
                values (:id, :kind, :from, :to, :campaign, :task, :title, :description, :standard, :feedback,
                        :days, :issued, :due, :by, :at)
                """)
            .param("id", id)
            .param("kind", form.kind().name())
            .param("from", from)
            .param("to", to)
            .param("campaign", form.campaignId())
            .param("task", form.keyTaskId())
            .param("title", form.title().strip())
            .param("description", form.description().strip())
            .param("standard", blankToNull(form.acceptanceStandard()))
            .param("feedback", blankToNull(form.requiredFeedback()))
            .param("days", form.kind() == HandDownKind.CASE ? form.workingDays() : null)
            .param("issued", Date.valueOf(issuedOn))
            .param("due", Date.valueOf(dueOn))
            .param("by", actor)
            .param("at", Timestamp.from(at))
            .update();
        step(id, "ISSUE", null, actor, actorName, at);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", form.kind().name());
        values.put("to", to.toString());
        values.put("title", form.title().strip());
        values.put("dueOn", dueOn.toString());
        events.publishEvent(AuditEvent.change("handdown.issued", "hand_down", id, Map.of(), values));
        events.publishEvent(
                new HandDownTransitioned(UUID.randomUUID(), id, form.title().strip(), "ISSUE", from, to, actor, at));
        return id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final String SELECT = """
            select h.*, f.name as from_name, t.name as to_name from hand_down h
            join org_unit f on f.id = h.from_unit_id join org_unit t on t.id = h.to_unit_id
            """;

    /**
     * The items of the scope (handed down by or to a bureau in it), optionally of one
     * status and one bureau below; open ones first, by time limit.
     */
    @Transactional(readOnly = true)
    public List<Row> list(DataScope scope, HandDownStatus status, UUID unitId) {
        return jdbc.sql(SELECT + """
                where (h.from_unit_id = any(:units) or h.to_unit_id = any(:units))
                  and (cast(:status as varchar) is null or h.status = :status)
                  and (cast(:unit as uuid) is null or h.to_unit_id = :unit)
                order by h.status = 'ACCEPTED', h.due_on, h.created_at
                limit 500
                """)
            .param("units", scope.unitArray())
            .param("status", status == null ? null : status.name())
            .param("unit", unitId)
            .query(HandDowns::row)
            .list();
    }

    @Transactional(readOnly = true)
    public Row get(UUID id, DataScope scope) {
        return jdbc.sql(SELECT + " where h.id = :id and (h.from_unit_id = any(:units) or h.to_unit_id = any(:units))")
            .param("id", id)
            .param("units", scope.unitArray())
            .query(HandDowns::row)
            .optional()
            .orElseThrow(() -> new NotFoundException("hand_down " + id));
    }

    @Transactional(readOnly = true)
    public List<Step> steps(UUID id) {
        Map<UUID, List<EvidenceFile>> files = new HashMap<>();
        jdbc.sql("""
                select id, step_id, file_name, size, sha256 from hand_down_file where hand_down_id = :id
                order by uploaded_at, file_name
                """)
            .param("id", id)
            .query((rs, n) -> new EvidenceFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getLong(4), rs.getString(5)))
            .list()
            .forEach(f -> files.computeIfAbsent(f.stepId(), k -> new ArrayList<>()).add(f));
        return jdbc.sql("select * from hand_down_step where hand_down_id = :id order by at, id")
            .param("id", id)
            .query((rs, n) -> new Step(rs.getObject("id", UUID.class), stepAction(rs.getString("action")),
                    rs.getString("text"), rs.getString("actor_name"), rs.getTimestamp("at").toInstant(),
                    files.getOrDefault(rs.getObject("id", UUID.class), List.of())))
            .list();
    }

    /** ISSUE is not an action on an item; it shows as the first step. */
    private static HandDownAction stepAction(String action) {
        return "ISSUE".equals(action) ? null : HandDownAction.valueOf(action);
    }

    /** The bureau below reports back with a text and evidence. */
    @Transactional
    public void report(UUID id, long version, String text, List<Upload> uploads, DubanUser me, DataScope scope) {
        HandDown item = get(id, scope).item();
        if (!me.can(REPORT) || !item.toUnitId().equals(bureauOf(me).id())) {
            throw new BusinessRuleViolation("handdown.refused.notReceiver");
        }
        List<String> types = checkEvidence(uploads);
        UUID step = apply(item, version, HandDownAction.REPORT, text, uploads.size(), me.getUsername(),
                me.displayName(), clock.now());
        storeEvidence(id, step, uploads, types, me.getUsername(), clock.now());
    }

    /** The issuing bureau accepts a report, or returns it with its reasons. */
    @Transactional
    public void decide(UUID id, long version, HandDownAction action, String reasons, DubanUser me, DataScope scope) {
        HandDown item = get(id, scope).item();
        if (action == HandDownAction.REPORT || !me.can(DECIDE) || !item.fromUnitId().equals(bureauOf(me).id())) {
            throw new BusinessRuleViolation("handdown.refused.notIssuer");
        }
        apply(item, version, action, reasons, 0, me.getUsername(), me.displayName(), clock.now());
    }

    /**
     * One step on an item: the aggregate decides the next status, the update holds the
     * version, the step, the audit event and the hand-over event go with it. Returns the
     * step's id.
     */
    UUID apply(HandDown item, long version, HandDownAction action, String text, int evidence, String actor,
            String actorName, Instant at) {
        if (item.version() != version) {
            throw stale(item.id());
        }
        HandDownStatus next = item.after(action, text, evidence);
        int n = jdbc.sql("""
                update hand_down set status = :status, returns = returns + :returned, version = version + 1,
                       updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", next.name())
            .param("returned", action == HandDownAction.RETURN ? 1 : 0)
            .param("by", actor)
            .param("at", Timestamp.from(at))
            .param("id", item.id())
            .param("version", version)
            .update();
        if (n == 0) {
            throw stale(item.id());
        }
        UUID step = step(item.id(), action.name(), text == null || text.isBlank() ? null : text.strip(), actor,
                actorName, at);
        events.publishEvent(AuditEvent.change("handdown." + action.name().toLowerCase(java.util.Locale.ROOT),
                "hand_down", item.id(), Map.of("status", item.status().name()),
                Map.of("status", next.name(), "evidence", evidence)));
        events.publishEvent(new HandDownTransitioned(UUID.randomUUID(), item.id(), item.title(), action.name(),
                item.fromUnitId(), item.toUnitId(), actor, at));
        return step;
    }

    private UUID step(UUID item, String action, String text, String actor, String actorName, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hand_down_step (id, hand_down_id, action, text, actor, actor_name, at)
                values (:id, :item, :action, :text, :actor, :name, :at)
                """)
            .param("id", id)
            .param("item", item)
            .param("action", action)
            .param("text", text)
            .param("actor", actor)
            .param("name", actorName)
            .param("at", Timestamp.from(at))
            .update();
        return id;
    }

    /**
     * The types of the evidence by their first bytes; the whole set is refused if one
     * file is empty, too large or of another type.
     */
    static List<String> checkEvidence(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new BusinessRuleViolation("handdown.evidence.tooMany", MAX_FILES);
        }
        List<String> types = new ArrayList<>();
        for (Upload upload : uploads) {
            String name = UploadedFiles.safeName(upload.fileName());
            byte[] content = upload.content();
            if (content == null || content.length == 0 || content.length > MAX_BYTES) {
                throw new BusinessRuleViolation("handdown.evidence.size", name, MAX_BYTES / 1024 / 1024);
            }
            String type = UploadedFiles.contentType(content, EVIDENCE_TYPES);
            if (type == null) {
                throw new BusinessRuleViolation("handdown.evidence.type", name);
            }
            types.add(type);
        }
        return types;
    }

    void storeEvidence(UUID item, UUID step, List<Upload> uploads, List<String> types, String actor, Instant at) {
        for (int i = 0; i < uploads.size(); i++) {
            byte[] content = uploads.get(i).content();
            jdbc.sql("""
                    insert into hand_down_file (id, hand_down_id, step_id, file_name, content_type, size, sha256,
                                                content, uploaded_by, uploaded_at)
                    values (:id, :item, :step, :name, :type, :size, :sha, :content, :by, :at)
                    """)
                .param("id", UUID.randomUUID())
                .param("item", item)
                .param("step", step)
                .param("name", UploadedFiles.safeName(uploads.get(i).fileName()))
                .param("type", types.get(i))
                .param("size", content.length)
                .param("sha", Sha256.hex(content))
                .param("content", content)
                .param("by", actor)
                .param("at", Timestamp.from(at))
                .update();
        }
    }

    /** A piece of evidence of an item in scope: name, type, content. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Download evidence(UUID id, UUID fileId, DataScope scope) {
        get(id, scope);
        return jdbc.sql("""
                select file_name, content_type, content from hand_down_file where id = :file and hand_down_id = :id
                """)
            .param("file", fileId)
            .param("id", id)
            .query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
            .optional()
            .orElseThrow(() -> new NotFoundException("hand_down_file " + fileId));
    }

    /**
     * Per bureau below mine (in scope), what my bureau handed to it and where it stands;
     * every bureau below has a line, also without items.
     */
    @Transactional(readOnly = true)
    public List<Tally> tallies(DubanUser me, DataScope scope) {
        Map<UUID, int[]> counts = new HashMap<>();
        jdbc.sql("""
                select to_unit_id,
                       count(*) filter (where status in ('ISSUED', 'RETURNED')),
                       count(*) filter (where status in ('ISSUED', 'RETURNED') and due_on < :today),
                       count(*) filter (where status = 'REPORTED'),
                       count(*) filter (where status = 'ACCEPTED'),
                       count(*) filter (where returns > 0)
                from hand_down where from_unit_id = :from group by to_unit_id
                """)
            .param("today", Date.valueOf(today()))
            .param("from", bureauOf(me).id())
            .query((rs, n) -> counts.put(rs.getObject(1, UUID.class),
                    new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6) }))
            .list();
        return targets(me, scope).stream().map(b -> {
            int[] c = counts.getOrDefault(b.id(), new int[5]);
            return new Tally(b, c[0], c[1], c[2], c[3], c[4]);
        }).toList();
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from hand_down where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("hand_down " + id, rs.getString(1),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
            .single();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(map(rs), rs.getString("from_name"), rs.getString("to_name"));
    }

    static HandDown map(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new HandDown(rs.getObject("id", UUID.class), HandDownKind.valueOf(rs.getString("kind")),
                rs.getObject("from_unit_id", UUID.class), rs.getObject("to_unit_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("key_task_id", UUID.class), rs.getString("title"),
                rs.getString("description"), rs.getString("acceptance_standard"), rs.getString("required_feedback"),
                (Integer) rs.getObject("working_days"), rs.getDate("issued_on").toLocalDate(),
                rs.getDate("due_on").toLocalDate(), HandDownStatus.valueOf(rs.getString("status")),
                rs.getInt("returns"), rs.getLong("version"), rs.getString("created_by"), created.toInstant());
    }

}

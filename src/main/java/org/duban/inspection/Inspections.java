package org.duban.inspection;

import org.duban.campaign.Campaigns;
import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.Staff;
import org.duban.organization.StaffDirectory;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import org.duban.shared.PageOf;
import org.duban.shared.SqlLike;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Inspections: plan (by hand or from a draw), answer the checklist, record findings with
 * evidence, close. Unannounced visits that are not closed are invisible (404) to everyone
 * without {@code inspection:unannounced:read}.
 */
@Service
public class Inspections {

    static final String UNANNOUNCED_READ = "inspection:unannounced:read";

    private static final String VISIBLE_FROM = """
            from inspection i where i.owner_unit_id = any(:units)
              and (i.type <> :unannounced or i.status = :closed or :confidential)
            """;

    private static final String VISIBLE = "select * " + VISIBLE_FROM;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final StaffDirectory staff;

    private final RandomDraws draws;

    private final Checklist checklist;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final Campaigns campaigns;

    Inspections(JdbcClient jdbc, OrgUnits units, StaffDirectory staff, RandomDraws draws, Checklist checklist,
            ApplicationEventPublisher events, Clock clock, Campaigns campaigns) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.units = units;
        this.staff = staff;
        this.draws = draws;
        this.checklist = checklist;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The filters of the inspections list; null = any. */
    public record Filter(InspectionType type, InspectionStatus status, String q) {
    }

    /**
     * One page of the visible inspections in scope that match (the keyword in the title),
     * with the count of all that match.
     */
    @Transactional(readOnly = true)
    public PageOf<Inspection> search(DataScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("confidential", mayReadConfidential());
        params.put("unannounced", InspectionType.UNANNOUNCED.name());
        params.put("closed", InspectionStatus.CLOSED.name());
        params.put("type", filter.type() == null ? null : filter.type().name());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, "select *", VISIBLE_FROM + """
                 and (cast(:type as varchar) is null or i.type = :type)
                 and (cast(:status as varchar) is null or i.status = :status)
                 and (cast(:q as varchar) is null or i.title ilike '%' || :q || '%')
                """, "order by i.planned_on desc, i.title, i.id", params, this::mapHeader, page, size);
    }

    @Transactional(readOnly = true)
    public Inspection get(UUID id, DataScope scope) {
        Inspection header = jdbc.sql(VISIBLE + " and i.id = :id")
            .param("units", scope.unitArray())
            .param("confidential", mayReadConfidential())
            .param("unannounced", InspectionType.UNANNOUNCED.name())
            .param("closed", InspectionStatus.CLOSED.name())
            .param("id", id)
            .query(this::mapHeader)
            .optional()
            .orElseThrow(() -> new NotFoundException("inspection " + id));
        return withDetails(header);
    }

    @Transactional(readOnly = true)
    public List<Inspection> ofDraw(UUID drawId, DataScope scope) {
        return jdbc.sql(VISIBLE + " and i.draw_id = :draw order by i.planned_on")
            .param("units", scope.unitArray())
            .param("confidential", mayReadConfidential())
            .param("unannounced", InspectionType.UNANNOUNCED.name())
            .param("closed", InspectionStatus.CLOSED.name())
            .param("draw", drawId)
            .query(this::mapHeader)
            .list();
    }

    // ---- planning
    // -----------------------------------------------------------------------------------------

    @Transactional
    public UUID create(InspectionForm form, DataScope scope) {
        requireVisible(form.campaignId(), scope);
        List<Inspection.Target> targets = new ArrayList<>();
        for (UUID unitId : nullSafe(form.unitTargets())) {
            OrgUnit unit = unitIn(unitId, scope);
            targets
                .add(new Inspection.Target(targets.size() + 1, "UNIT", unit.id().toString(), unit.id(), unit.name()));
        }
        for (UUID stationId : nullSafe(form.stationTargets())) {
            var station = jdbc
                .sql("select id, unit_id, name from inspection_station where id = :id and unit_id = any(:units)")
                .param("id", stationId)
                .param("units", scope.unitArray())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("station " + stationId));
            targets.add(new Inspection.Target(targets.size() + 1, "STATION", stationId.toString(),
                    (UUID) station.get("unit_id"), (String) station.get("name")));
        }
        for (UUID staffId : nullSafe(form.staffTargets())) {
            Staff s = staff.get(staffId, scope);
            targets.add(new Inspection.Target(targets.size() + 1, "STAFF", s.id().toString(), s.unitId(), s.name()));
        }
        if (form.otherTargets() != null) {
            for (String line : form.otherTargets().split("\\R")) {
                String label = SnapshotRow.clean(line);
                if (!label.isEmpty()) {
                    targets.add(new Inspection.Target(targets.size() + 1, "CASE", label, null, label));
                }
            }
        }
        if (targets.isEmpty()) {
            throw new BusinessRuleViolation("inspection.targets.required");
        }
        Set<UUID> inspectors = new LinkedHashSet<>(nullSafe(form.inspectorIds()));
        for (UUID id : inspectors) {
            staff.get(id, scope);
        }
        if (inspectors.isEmpty()) {
            throw new BusinessRuleViolation("inspection.inspectors.required");
        }
        return insert(form.type(), form.title(), form.campaignId(), form.plannedOn(), null, targets, inspectors);
    }

    /**
     * A random check planned from a made draw: its selected targets, and every inspector
     * the draw assigned.
     */
    @Transactional
    public UUID createFromDraw(UUID drawId, UUID campaignId, LocalDate plannedOn, DataScope scope) {
        RandomDraw draw = draws.get(drawId, scope);
        if (!draw.drawn()) {
            throw new BusinessRuleViolation("inspection.draw.notDrawn");
        }
        Verification verification = draws.verify(draw);
        if (!verification.ok()) {
            throw new BusinessRuleViolation("draw.snapshotChanged");
        }
        List<Inspection.Target> targets = new ArrayList<>();
        Set<UUID> inspectors = new LinkedHashSet<>();
        for (Selection.Pick pick : verification.selection().picks()) {
            SnapshotRow t = pick.target();
            targets.add(new Inspection.Target(pick.rank(), t.subjectType(), t.subjectId(),
                    t.unitId().isEmpty() ? null : UUID.fromString(t.unitId()), t.label()));
            pick.inspectors().forEach(i -> inspectors.add(UUID.fromString(i.subjectId())));
        }
        UUID campaign = campaignId != null ? campaignId : draw.campaignId();
        if (campaign == null) {
            throw new BusinessRuleViolation("inspection.campaign.required");
        }
        requireVisible(campaign, scope);
        return insert(InspectionType.RANDOM, draw.title(), campaign, plannedOn == null ? today() : plannedOn, drawId,
                targets, inspectors);
    }

    /**
     * Every id a form carries is checked against the scope, the campaign's too (not only
     * the targets').
     */
    private void requireVisible(UUID campaignId, DataScope scope) {
        if (campaignId != null && !campaigns.isVisible(campaignId, scope)) {
            throw new BusinessRuleViolation("inspection.campaign.outOfScope");
        }
    }

    private UUID insert(InspectionType type, String title, UUID campaignId, LocalDate plannedOn, UUID drawId,
            List<Inspection.Target> targets, Set<UUID> inspectors) {
        DubanUser me = CurrentUser.require();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection (id, owner_unit_id, campaign_id, type, title, planned_on, status, draw_id,
                                        updated_by, updated_at)
                values (:id, :owner, :campaign, :type, :title, :planned, :status, :draw, :by, :at)
                """)
            .param("id", id)
            .param("owner", me.unitId())
            .param("campaign", campaignId)
            .param("type", type.name())
            .param("title", title.strip())
            .param("planned", Date.valueOf(plannedOn))
            .param("status", InspectionStatus.PLANNED.name())
            .param("draw", drawId)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        for (Inspection.Target t : targets) {
            jdbc.sql("""
                    insert into inspection_target (inspection_id, position, subject_type, subject_id, unit_id, label)
                    values (:id, :pos, :type, :subject, :unit, :label)
                    """)
                .param("id", id)
                .param("pos", t.position())
                .param("type", t.subjectType())
                .param("subject", t.subjectId())
                .param("unit", t.unitId())
                .param("label", t.label())
                .update();
        }
        for (UUID staffId : inspectors) {
            jdbc.sql("insert into inspection_inspector (inspection_id, staff_id) values (:id, :staff)")
                .param("id", id)
                .param("staff", staffId)
                .update();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", type.name());
        values.put("title", title);
        values.put("plannedOn", plannedOn.toString());
        values.put("drawId", drawId == null ? null : drawId.toString());
        values.put("targets", targets.stream().map(t -> t.subjectType() + ":" + t.subjectId()).toList());
        values.put("inspectors", inspectors.stream().map(UUID::toString).toList());
        events.publishEvent(AuditEvent.change("inspection.created", "inspection", id, Map.of(), values));
        return id;
    }

    // ---- recording
    // ----------------------------------------------------------------------------------------

    /**
     * Saves the checklist answers (PASS, FAIL, NA per item code; unknown codes refused).
     */
    @Transactional
    public void saveChecks(UUID id, long version, Map<String, String> results, Map<String, String> notes,
            DataScope scope) {
        Inspection before = get(id, scope);
        InspectionStatus next = before.record();
        for (var e : results.entrySet()) {
            if (checklist.find(e.getKey()).isEmpty() || !Set.of("PASS", "FAIL", "NA").contains(e.getValue())) {
                throw new IllegalArgumentException("checklist answer");
            }
        }
        bump(id, version, next);
        jdbc.sql("delete from inspection_check where inspection_id = :id").param("id", id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        for (var e : results.entrySet()) {
            String note = notes.get(e.getKey());
            note = note == null || note.isBlank() ? null : note.strip();
            if (note != null && note.length() > 500) {
                throw new IllegalArgumentException("note too long");
            }
            jdbc.sql(
                    "insert into inspection_check (inspection_id, item_code, result, note) values (:id, :code, :r, :n)")
                .param("id", id)
                .param("code", e.getKey())
                .param("r", e.getValue())
                .param("n", note)
                .update();
            after.put(e.getKey(), e.getValue());
        }
        Map<String, Object> old = new LinkedHashMap<>();
        before.checks().forEach((k, v) -> old.put(k, v.result()));
        events.publishEvent(AuditEvent.change("inspection.checklist.saved", "inspection", id, old, after));
    }

    @Transactional
    public UUID addFinding(UUID id, FindingForm form, DataScope scope) {
        InspectionStatus next = get(id, scope).record();
        if (form.itemCode() != null && !form.itemCode().isBlank()) {
            Checklist.Item item = checklist.find(form.itemCode())
                .orElseThrow(() -> new BusinessRuleViolation("inspection.finding.unknownItem"));
            if (item.category() != form.category()) {
                throw new BusinessRuleViolation("inspection.finding.categoryMismatch");
            }
        }
        bump(id, form.version() == null ? -1 : form.version(), next);
        UUID findingId = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection_finding (id, inspection_id, item_code, category, target_label, description,
                                                evidence, found_on, recorded_by, recorded_at)
                values (:id, :inspection, :item, :category, :target, :description, :evidence, :found, :by, :at)
                """)
            .param("id", findingId)
            .param("inspection", id)
            .param("item", form.itemCode() == null || form.itemCode().isBlank() ? null : form.itemCode())
            .param("category", form.category().name())
            .param("target",
                    form.targetLabel() == null || form.targetLabel().isBlank() ? null : form.targetLabel().strip())
            .param("description", form.description().strip())
            .param("evidence", form.evidence().strip())
            .param("found", Date.valueOf(form.foundOn()))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("inspectionId", id.toString());
        values.put("itemCode", form.itemCode());
        values.put("category", form.category().name());
        values.put("description", form.description());
        values.put("evidence", form.evidence());
        events.publishEvent(
                AuditEvent.change("inspection.finding.recorded", "inspection_finding", findingId, Map.of(), values));
        return findingId;
    }

    @Transactional
    public void close(UUID id, long version, String summary, DataScope scope) {
        Inspection before = get(id, scope);
        InspectionStatus closed = before.close();
        int updated = jdbc.sql("""
                update inspection set status = :status, summary = :summary, closed_at = :at, version = version + 1,
                       updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", closed.name())
            .param("summary", summary == null || summary.isBlank() ? null : summary.strip())
            .param("at", Timestamp.from(clock.instant()))
            .param("by", CurrentUser.actor())
            .param("id", id)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("inspection.closed", "inspection", id,
                Map.of("status", before.status().name()), Map.of("status", closed.name())));
    }

    /** Links a finding to the ledger problem it became (once). */
    @Transactional
    public void linkProblem(UUID inspectionId, UUID findingId, UUID problemId) {
        int updated = jdbc.sql("""
                update inspection_finding set problem_id = :problem, version = version + 1
                where id = :id and inspection_id = :inspection and problem_id is null
                """).param("problem", problemId).param("id", findingId).param("inspection", inspectionId).update();
        if (updated == 0) {
            throw new BusinessRuleViolation("inspection.finding.alreadyRegistered");
        }
        events.publishEvent(AuditEvent.change("inspection.finding.registered", "inspection_finding", findingId,
                Map.of(), Map.of("problemId", problemId.toString())));
    }

    @Transactional(readOnly = true)
    public Inspection.Finding finding(UUID inspectionId, UUID findingId, DataScope scope) {
        return get(inspectionId, scope).findings()
            .stream()
            .filter(f -> f.id().equals(findingId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("finding " + findingId));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> stations(DataScope scope) {
        return jdbc.sql("select id, name from inspection_station where active and unit_id = any(:units) order by code")
            .param("units", scope.unitArray())
            .query()
            .listOfRows();
    }

    // ---- helpers
    // ------------------------------------------------------------------------------------------

    /**
     * Optimistic lock on the inspection aggregate, storing the status the aggregate
     * decided on.
     */
    private void bump(UUID id, long version, InspectionStatus status) {
        int updated = jdbc.sql("""
                update inspection set version = version + 1, updated_by = :by, updated_at = :at, status = :status
                where id = :id and version = :version
                """)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("status", status.name())
            .param("id", id)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(id);
        }
    }

    private StaleEditException stale(UUID id) {
        Map<String, Object> row = jdbc.sql("select updated_by, updated_at from inspection where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        Timestamp at = (Timestamp) row.get("updated_at");
        return new StaleEditException("inspection " + id, (String) row.get("updated_by"),
                at == null ? null : at.toInstant());
    }

    private OrgUnit unitIn(UUID unitId, DataScope scope) {
        if (!scope.includes(unitId)) {
            throw new NotFoundException("unit " + unitId);
        }
        return units.find(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
    }

    private static boolean mayReadConfidential() {
        return CurrentUser.get().map(u -> u.can(UNANNOUNCED_READ)).orElse(false);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private Inspection withDetails(Inspection h) {
        List<Inspection.Target> targets = jdbc
            .sql("select * from inspection_target where inspection_id = :id order by position")
            .param("id", h.id())
            .query((rs, n) -> new Inspection.Target(rs.getInt("position"), rs.getString("subject_type"),
                    rs.getString("subject_id"), rs.getObject("unit_id", UUID.class), rs.getString("label")))
            .list();
        List<Inspection.Inspector> inspectors = jdbc.sql("""
                select s.id, s.name from inspection_inspector ii join staff s on s.id = ii.staff_id
                where ii.inspection_id = :id order by s.name
                """)
            .param("id", h.id())
            .query((rs, n) -> new Inspection.Inspector(rs.getObject("id", UUID.class), rs.getString("name")))
            .list();
        Map<String, Inspection.Check> checks = new LinkedHashMap<>();
        jdbc.sql("select * from inspection_check where inspection_id = :id").param("id", h.id()).query(rs -> {
            checks.put(rs.getString("item_code"),
                    new Inspection.Check(rs.getString("item_code"), rs.getString("result"), rs.getString("note")));
        });
        List<Inspection.Finding> findings = jdbc
            .sql("select * from inspection_finding where inspection_id = :id order by recorded_at")
            .param("id", h.id())
            .query((rs, n) -> new Inspection.Finding(rs.getObject("id", UUID.class), rs.getString("item_code"),
                    rs.getString("category"), rs.getString("target_label"), rs.getString("description"),
                    rs.getString("evidence"), rs.getDate("found_on").toLocalDate(),
                    rs.getObject("problem_id", UUID.class), rs.getLong("version"), rs.getString("recorded_by")))
            .list();
        return new Inspection(h.id(), h.ownerUnitId(), h.campaignId(), h.type(), h.title(), h.plannedOn(), h.status(),
                h.drawId(), h.summary(), h.version(), h.updatedBy(), h.updatedAt(), targets, inspectors, checks,
                findings);
    }

    private Inspection mapHeader(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new Inspection(rs.getObject("id", UUID.class), rs.getObject("owner_unit_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), InspectionType.valueOf(rs.getString("type")),
                rs.getString("title"), rs.getDate("planned_on").toLocalDate(),
                InspectionStatus.valueOf(rs.getString("status")), rs.getObject("draw_id", UUID.class),
                rs.getString("summary"), rs.getLong("version"), rs.getString("updated_by"),
                at == null ? null : at.toInstant(), List.of(), List.of(), Map.of(), List.of());
    }

}

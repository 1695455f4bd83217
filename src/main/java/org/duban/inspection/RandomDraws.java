package org.duban.inspection;

import org.duban.campaign.Campaigns;
import org.duban.audit.AuditEvent;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import org.duban.shared.PageOf;
import org.duban.shared.SqlLike;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Random draws (双随机): commit (freeze the population snapshot, fix its hash and the seed
 * commitment), draw (reveal the seed, compute the selection), publish (公示). A committed
 * draw is never edited; the database refuses.
 */
@Service
public class RandomDraws {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final Campaigns campaigns;

    RandomDraws(JdbcClient jdbc, OrgUnits units, ApplicationEventPublisher events, Clock clock, Campaigns campaigns) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    // ---- population
    // ---------------------------------------------------------------------------------------

    /** The live population the form describes, as it would be frozen now. */
    @Transactional(readOnly = true)
    public DrawSnapshot population(DrawForm form, DataScope scope) {
        OrgUnit targetRoot = unitInScope(form.targetRootUnitId(), scope);
        OrgUnit poolRoot = unitInScope(form.poolRootUnitId(), scope);
        String kind = form.unitKind() == null ? null : form.unitKind().name();
        List<SnapshotRow> rows = new ArrayList<>(switch (form.targetType()) {
            case STAFF -> jdbc.sql("""
                    select s.id, s.unit_id, s.name from staff s join org_unit o on o.id = s.unit_id
                    where s.enabled and o.path like :prefix and (cast(:kind as text) is null or o.kind = :kind)
                    """)
                .param("prefix", targetRoot.path() + "%")
                .param("kind", kind)
                .query((rs, n) -> SnapshotRow.target("STAFF", rs.getObject("id"), rs.getObject("unit_id"),
                        rs.getString("name")))
                .list();
            case UNIT -> jdbc.sql("""
                    select o.id, o.name from org_unit o
                    where o.path like :prefix and (cast(:kind as text) is null or o.kind = :kind)
                    """)
                .param("prefix", targetRoot.path() + "%")
                .param("kind", kind)
                .query((rs, n) -> SnapshotRow.target("UNIT", rs.getObject("id"), rs.getObject("id"),
                        rs.getString("name")))
                .list();
            case STATION -> jdbc.sql("""
                    select st.id, st.unit_id, st.name from inspection_station st
                    join org_unit o on o.id = st.unit_id
                    where st.active and o.path like :prefix and (cast(:kind as text) is null or o.kind = :kind)
                    """)
                .param("prefix", targetRoot.path() + "%")
                .param("kind", kind)
                .query((rs, n) -> SnapshotRow.target("STATION", rs.getObject("id"), rs.getObject("unit_id"),
                        rs.getString("name")))
                .list();
            // Read-only coupling to the screening module's table: it offers no public
            // case query yet.
            case CASE -> jdbc.sql("""
                    select c.id, c.unit_id, c.case_no from screening_case c join org_unit o on o.id = c.unit_id
                    where o.path like :prefix
                      and (cast(:from as date) is null or c.decided_on >= cast(:from as date))
                      and (cast(:to as date) is null or c.decided_on <= cast(:to as date))
                      and (cast(:code as text) is null or c.violation_code = cast(:code as text))
                    """)
                .param("prefix", targetRoot.path() + "%")
                .param("from", form.caseFrom())
                .param("to", form.caseTo())
                .param("code", blankToNull(form.violationCode()))
                .query((rs, n) -> SnapshotRow.target("CASE", rs.getLong("id"), rs.getObject("unit_id"),
                        rs.getString("case_no")))
                .list();
        });
        Map<UUID, Set<String>> conflicts = new HashMap<>();
        jdbc.sql("select staff_id, subject_type, subject_id from inspector_conflict").query(rs -> {
            conflicts.computeIfAbsent(rs.getObject("staff_id", UUID.class), k -> new TreeSet<>())
                .add(rs.getString("subject_type") + ":" + rs.getString("subject_id"));
        });
        rows.addAll(jdbc.sql("""
                select s.id, s.unit_id, s.name from staff s join org_unit o on o.id = s.unit_id
                where s.enabled and o.path like :prefix
                """).param("prefix", poolRoot.path() + "%").query((rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return SnapshotRow.inspector(id, rs.getObject("unit_id"), rs.getString("name"),
                    conflicts.getOrDefault(id, Set.of()));
        }).list());
        return new DrawSnapshot(rows);
    }

    // ---- commit
    // -------------------------------------------------------------------------------------------

    /**
     * Freezes the population and fixes its hash and the seed commitment. From here on the
     * draw is sealed: the same transaction writes the snapshot rows and then seals it,
     * after which the database refuses any change.
     */
    @Transactional
    public UUID commit(DrawForm form, DataScope scope) {
        if (form.campaignId() != null && !campaigns.isVisible(form.campaignId(), scope)) {
            throw new BusinessRuleViolation("inspection.campaign.outOfScope");
        }
        DrawSnapshot snapshot = population(form, scope);
        if (snapshot.targets().isEmpty()) {
            throw new BusinessRuleViolation("draw.emptyPopulation");
        }
        if (form.inspectorsPerTarget() > 0 && snapshot.inspectors().isEmpty()) {
            throw new BusinessRuleViolation("draw.emptyPool");
        }
        String secretSeed = null;
        String commitment = null;
        String publicSource = null;
        if (form.seedMode() == DrawForm.SeedMode.COMMITTED) {
            byte[] seed = new byte[32];
            RANDOM.nextBytes(seed);
            secretSeed = HexFormat.of().formatHex(seed);
            commitment = DrawAlgorithm.commitment(seed);
        }
        else {
            publicSource = SnapshotRow.clean(form.publicSeedSource());
            if (publicSource.isEmpty()) {
                throw new BusinessRuleViolation("draw.publicSeedSource.required");
            }
        }
        UUID id = UUID.randomUUID();
        UUID publicId = UUID.randomUUID();
        UUID owner = CurrentUser.require().unitId();
        String filter = describeFilter(form);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into random_draw (id, public_id, owner_unit_id, campaign_id, title, target_type,
                    filter_description, target_count, inspectors_per_target, algorithm, snapshot_hash, seed_mode,
                    seed_commitment, public_seed_source, secret_seed, committed_by, committed_at)
                values (:id, :publicId, :owner, :campaign, :title, :type, :filter, :count, :per, :algorithm, :hash,
                    :mode, :commitment, :source, :secret, :by, :at)
                """)
            .param("id", id)
            .param("publicId", publicId)
            .param("owner", owner)
            .param("campaign", form.campaignId())
            .param("title", form.title().strip())
            .param("type", form.targetType().name())
            .param("filter", filter)
            .param("count", form.targetCount())
            .param("per", form.inspectorsPerTarget())
            .param("algorithm", DrawAlgorithm.NAME)
            .param("hash", snapshot.sha256())
            .param("mode", form.seedMode().name())
            .param("commitment", commitment)
            .param("source", publicSource)
            .param("secret", secretSeed)
            .param("by", CurrentUser.actor())
            .param("at", now)
            .update();
        for (SnapshotRow r : snapshot.rows()) {
            jdbc.sql("""
                    insert into draw_snapshot_row (draw_id, role, subject_type, subject_id, unit_id, label, conflicts)
                    values (:draw, :role, :type, :subject, :unit, :label, :conflicts)
                    """)
                .param("draw", id)
                .param("role", r.role().name())
                .param("type", r.subjectType())
                .param("subject", r.subjectId())
                .param("unit", r.unitId())
                .param("label", r.label())
                .param("conflicts", String.join(";", r.conflicts()))
                .update();
        }
        jdbc.sql("update random_draw set sealed = true where id = :id").param("id", id).update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", form.title());
        values.put("filter", filter);
        values.put("targetCount", form.targetCount());
        values.put("inspectorsPerTarget", form.inspectorsPerTarget());
        values.put("snapshotHash", snapshot.sha256());
        values.put("seedMode", form.seedMode().name());
        values.put("seedCommitment", commitment);
        values.put("publicSeedSource", publicSource);
        events.publishEvent(AuditEvent.change("inspection.draw.committed", "random_draw", id, Map.of(), values));
        events.publishEvent(RandomDraw.frozen(id, publicId, owner, form.campaignId(), form.title().strip(),
                CurrentUser.actor(), now.toInstant()));
        return id;
    }

    // ---- draw and publish
    // ---------------------------------------------------------------------------------

    /**
     * Makes the draw: checks the frozen snapshot still has its committed hash, reveals
     * the seed (the secret one, or the hash of the public value now known) and stores the
     * selection.
     */
    @Transactional
    public Selection draw(UUID id, long version, String publicValue, DataScope scope) {
        RandomDraw d = get(id, scope);
        DrawSnapshot snapshot = snapshot(id);
        String secret = d.seedMode() == DrawForm.SeedMode.COMMITTED
                ? jdbc.sql("select secret_seed from random_draw where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single()
                : null;
        RandomDraw.Seed drawSeed = d.seed(snapshot.sha256(), secret, publicValue);
        byte[] seed = drawSeed.bytes();
        String value = drawSeed.publicValue();
        Selection selection = DrawAlgorithm.select(snapshot, seed, d.targetCount(), d.inspectorsPerTarget());
        String seedHex = HexFormat.of().formatHex(seed);
        Instant at = clock.instant();
        int updated = jdbc.sql("""
                update random_draw set seed = :seed, public_value = :value, selection_text = :selection,
                    drawn_by = :by, drawn_at = :at, version = version + 1
                where id = :id and version = :version and seed is null
                """)
            .param("seed", seedHex)
            .param("value", value)
            .param("selection", selection.text())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("inspection.draw.drawn", "random_draw", id, Map.of(),
                Map.of("seed", seedHex, "selection", selection.text())));
        events.publishEvent(d.drawnEvent(CurrentUser.actor(), at));
        return selection;
    }

    @Transactional
    public void publish(UUID id, long version, DataScope scope) {
        RandomDraw d = get(id, scope);
        if (!d.publish()) {
            return;
        }
        Instant at = clock.instant();
        int updated = jdbc.sql("""
                update random_draw set published = true, published_at = :at, version = version + 1
                where id = :id and version = :version
                """).param("at", Timestamp.from(at)).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("inspection.draw.published", "random_draw", id,
                Map.of("published", false), Map.of("published", true)));
        events.publishEvent(d.publishedEvent(CurrentUser.actor(), at));
    }

    // ---- reading
    // ------------------------------------------------------------------------------------------

    /** What a draw's target can be, in the order the list's filter offers them. */
    public static final List<String> TARGET_TYPES = List.of("STAFF", "UNIT", "STATION", "CASE");

    /**
     * The filters of the draws list; null = any. {@code state} is {@code committed} or
     * {@code drawn}, {@code published} is {@code yes} or {@code no} (the keys of their
     * labels).
     */
    public record Filter(String targetType, String state, String published, String q) {
    }

    /**
     * One page of the draws in scope that match (the keyword in the title), with the
     * count of all that match.
     */
    @Transactional(readOnly = true)
    public PageOf<RandomDraw> search(DataScope scope, Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", scope.unitArray());
        params.put("targetType", oneOf(TARGET_TYPES, filter.targetType()));
        params.put("state", oneOf(List.of("committed", "drawn"), filter.state()));
        params.put("published", oneOf(List.of("yes", "no"), filter.published()));
        params.put("q", SqlLike.word(filter.q()));
        return PageOf.query(jdbc, "select *", """
                from random_draw where owner_unit_id = any(:units)
                 and (cast(:targetType as varchar) is null or target_type = :targetType)
                 and (cast(:state as varchar) is null or (seed is not null) = (:state = 'drawn'))
                 and (cast(:published as varchar) is null or published = (:published = 'yes'))
                 and (cast(:q as varchar) is null or title ilike '%' || :q || '%')
                """, "order by committed_at desc, id", params, RandomDraws::map, page, size);
    }

    /** The value when it is one of the known ones, otherwise null (no condition). */
    private static String oneOf(List<String> known, String value) {
        return value != null && known.contains(value) ? value : null;
    }

    @Transactional(readOnly = true)
    public RandomDraw get(UUID id, DataScope scope) {
        return jdbc.sql("select * from random_draw where id = :id and owner_unit_id = any(:units)")
            .param("id", id)
            .param("units", scope.unitArray())
            .query(RandomDraws::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("draw " + id));
    }

    @Transactional(readOnly = true)
    public List<RandomDraw> published() {
        return jdbc.sql("select * from random_draw where published order by committed_at desc")
            .query(RandomDraws::map)
            .list();
    }

    @Transactional(readOnly = true)
    public RandomDraw getPublished(UUID publicId) {
        return jdbc.sql("select * from random_draw where public_id = :id and published")
            .param("id", publicId)
            .query(RandomDraws::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("draw " + publicId));
    }

    /**
     * Any draw by its public id, published or not: for the verify-draw command, which
     * runs with database access.
     */
    @Transactional(readOnly = true)
    public Optional<RandomDraw> findByPublicId(UUID publicId) {
        return jdbc.sql("select * from random_draw where public_id = :id")
            .param("id", publicId)
            .query(RandomDraws::map)
            .optional();
    }

    /**
     * The frozen snapshot as stored (re-read from its rows, so a tampered row changes its
     * hash).
     */
    @Transactional(readOnly = true)
    public DrawSnapshot snapshot(UUID drawId) {
        return new DrawSnapshot(
                jdbc.sql("select * from draw_snapshot_row where draw_id = :id").param("id", drawId).query((rs, n) -> {
                    TreeSet<String> conflicts = new TreeSet<>();
                    for (String c : rs.getString("conflicts").split(";")) {
                        if (!c.isBlank()) {
                            conflicts.add(c);
                        }
                    }
                    return new SnapshotRow(SnapshotRow.Role.valueOf(rs.getString("role")), rs.getString("subject_type"),
                            rs.getString("subject_id"), rs.getString("unit_id"), rs.getString("label"), conflicts);
                }).list());
    }

    /** Recomputes everything that can be checked about a stored draw. */
    @Transactional(readOnly = true)
    public Verification verify(RandomDraw d) {
        return Verification.of(snapshot(d.id()), d);
    }

    private OrgUnit unitInScope(UUID unitId, DataScope scope) {
        if (!scope.includes(unitId)) {
            throw new BusinessRuleViolation("draw.unitOutOfScope");
        }
        return units.find(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
    }

    private String describeFilter(DrawForm form) {
        String target = units.find(form.targetRootUnitId()).map(OrgUnit::code).orElse("?");
        String pool = units.find(form.poolRootUnitId()).map(OrgUnit::code).orElse("?");
        return "targets=" + form.targetType() + " under " + target
                + (form.targetType() != DrawForm.TargetType.CASE && form.unitKind() != null ? " kind=" + form.unitKind()
                        : "")
                + (form.targetType() == DrawForm.TargetType.CASE ? caseFilter(form) : "") + "; inspectors=STAFF under "
                + pool;
    }

    private static String caseFilter(DrawForm form) {
        return (form.caseFrom() == null ? "" : " decided>=" + form.caseFrom())
                + (form.caseTo() == null ? "" : " decided<=" + form.caseTo())
                + (blankToNull(form.violationCode()) == null ? "" : " violation=" + form.violationCode().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private StaleEditException stale(UUID id) {
        Map<String, Object> row = jdbc
            .sql("select coalesce(drawn_by, committed_by) as who, "
                    + "coalesce(published_at, drawn_at, committed_at) as at from random_draw where id = :id")
            .param("id", id)
            .query()
            .singleRow();
        Timestamp at = (Timestamp) row.get("at");
        return new StaleEditException("draw " + id, (String) row.get("who"), at == null ? null : at.toInstant());
    }

    static RandomDraw map(ResultSet rs, int n) throws SQLException {
        return new RandomDraw(rs.getObject("id", UUID.class), rs.getObject("public_id", UUID.class),
                rs.getObject("owner_unit_id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getString("title"), rs.getString("target_type"), rs.getString("filter_description"),
                rs.getInt("target_count"), rs.getInt("inspectors_per_target"), rs.getString("algorithm"),
                rs.getString("snapshot_hash"), DrawForm.SeedMode.valueOf(rs.getString("seed_mode")),
                rs.getString("seed_commitment"), rs.getString("public_seed_source"), rs.getString("committed_by"),
                instant(rs.getTimestamp("committed_at")), rs.getString("seed"), rs.getString("public_value"),
                rs.getString("selection_text"), rs.getString("drawn_by"), instant(rs.getTimestamp("drawn_at")),
                rs.getBoolean("published"), instant(rs.getTimestamp("published_at")), rs.getLong("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}

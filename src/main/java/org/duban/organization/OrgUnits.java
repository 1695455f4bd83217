package org.duban.organization;

import org.duban.audit.AuditEvent;
import org.duban.security.DubanUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The org-unit tree and data scopes. The tree is small (hundreds of units), so it is read
 * whole where useful.
 */
@Service
public class OrgUnits {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final java.time.Clock clock;

    OrgUnits(JdbcClient jdbc, ApplicationEventPublisher events, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** All units in tree order (by path depth-first with siblings by sort). */
    @Transactional(readOnly = true)
    public List<OrgUnit> all() {
        List<OrgUnit> units = jdbc.sql("select * from org_unit").query(OrgUnits::map).list();
        return TreeOrder.sort(units);
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> find(UUID id) {
        return jdbc.sql("select * from org_unit where id = :id").param("id", id).query(OrgUnits::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> findByName(String name) {
        return jdbc.sql("select * from org_unit where name = :name order by path limit 1")
            .param("name", name)
            .query(OrgUnits::map)
            .optional();
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql("select * from org_unit where code = :code")
            .param("code", code)
            .query(OrgUnits::map)
            .optional();
    }

    /** The data scope of the signed-in user of this request. */
    @Transactional(readOnly = true)
    public DataScope currentScope() {
        return scopeOf(org.duban.security.CurrentUser.require());
    }

    /** The units a user sees, from the widest scope of their roles. */
    @Transactional(readOnly = true)
    public DataScope scopeOf(DubanUser user) {
        OrgUnit own = find(user.unitId()).orElseThrow(() -> new NotFoundException("unit " + user.unitId()));
        List<UUID> ids = switch (user.scope()) {
            case ALL -> jdbc.sql("select id from org_unit").query(UUID.class).list();
            case BUREAU -> below(bureauOf(own));
            case UNIT_AND_BELOW -> below(own);
            case OWN_UNIT -> List.of(own.id());
        };
        return new DataScope(new HashSet<>(ids), own.path());
    }

    /**
     * The nearest province, city or county bureau at or above a unit (the root of its
     * tree when there is none); defined once, by the view {@code org_unit_bureau}.
     */
    public OrgUnit bureauOf(OrgUnit unit) {
        return bureauOf(unit.id());
    }

    /** The bureau of the unit {@code unitId}; 404 for an unknown unit. */
    @Transactional(readOnly = true)
    public OrgUnit bureauOf(UUID unitId) {
        return jdbc.sql("""
                select u.* from org_unit_bureau b join org_unit u on u.id = b.bureau_id
                where b.unit_id = :unit
                """)
            .param("unit", unitId)
            .query(OrgUnits::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("unit " + unitId));
    }

    /**
     * The bureaus one level below a bureau (a city's counties, a province's cities):
     * bureaus whose nearest bureau above is this one, in tree order.
     */
    @Transactional(readOnly = true)
    public List<OrgUnit> bureausBelow(OrgUnit bureau) {
        List<OrgUnit> all = all();
        java.util.Map<UUID, OrgUnit> byId = new java.util.HashMap<>();
        all.forEach(u -> byId.put(u.id(), u));
        return all.stream()
            .filter(u -> u.kind().bureau() && bureau.contains(u) && !u.id().equals(bureau.id()))
            .filter(u -> {
                OrgUnit above = byId.get(u.parentId());
                while (above != null && !above.kind().bureau()) {
                    above = byId.get(above.parentId());
                }
                return above != null && above.id().equals(bureau.id());
            })
            .toList();
    }

    private List<UUID> below(OrgUnit unit) {
        return jdbc.sql("select id from org_unit where path like :prefix")
            .param("prefix", unit.path() + "%")
            .query(UUID.class)
            .list();
    }

    @Transactional
    public OrgUnit create(UUID parentId, String code, String name, UnitKind kind, int sort) {
        OrgUnit parent = parentId == null ? null
                : find(parentId).orElseThrow(() -> new NotFoundException("unit " + parentId));
        if (findByCode(code).isPresent()) {
            throw new BusinessRuleViolation("unit.codeTaken", code);
        }
        UUID id = UUID.randomUUID();
        OrgUnit unit = new OrgUnit(id, parentId, OrgUnit.childPath(parent == null ? null : parent.path(), id), code,
                name, kind, sort, 0);
        jdbc.sql("""
                insert into org_unit (id, parent_id, path, code, name, kind, sort)
                values (:id, :parentId, :path, :code, :name, :kind, :sort)
                """)
            .param("id", id)
            .param("parentId", parentId)
            .param("path", unit.path())
            .param("code", code)
            .param("name", name)
            .param("kind", kind.name())
            .param("sort", sort)
            .update();
        events.publishEvent(AuditEvent.change("organization.unit.created", "org_unit", id, Map.of(),
                Map.of("code", code, "name", name, "kind", kind.name())));
        return unit;
    }

    @Transactional
    public void rename(UUID id, long expectedVersion, String name, UnitKind kind, int sort) {
        OrgUnit before = find(id).orElseThrow(() -> new NotFoundException("unit " + id));
        int updated = jdbc.sql("""
                update org_unit set name = :name, kind = :kind, sort = :sort, version = version + 1
                where id = :id and version = :version
                """)
            .param("name", name)
            .param("kind", kind.name())
            .param("sort", sort)
            .param("id", id)
            .param("version", expectedVersion)
            .update();
        if (updated == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("org_unit " + id);
        }
        events.publishEvent(AuditEvent.change("organization.unit.updated", "org_unit", id,
                Map.of("name", before.name(), "kind", before.kind().name(), "sort", before.sort()),
                Map.of("name", name, "kind", kind.name(), "sort", sort)));
    }

    /**
     * Creates a unit below a parent the administrator may see. The code must be unique
     * and present: other modules and the staff import refer to units by it.
     */
    @Transactional
    public OrgUnit createChild(UnitForm form, DataScope scope) {
        if (form.parentId() == null || !scope.includes(form.parentId())) {
            throw new NotFoundException("unit " + form.parentId());
        }
        if (form.code() == null || form.code().isBlank()) {
            throw new BusinessRuleViolation("unit.code.required");
        }
        OrgUnit unit = create(form.parentId(), form.code().trim(), form.name().trim(), form.kind(), form.sort());
        stamp(unit.id());
        return unit;
    }

    /**
     * Edits name, kind and sort of a unit within the scope; refuses an edit based on an
     * old version.
     */
    @Transactional
    public void update(UUID id, UnitForm form, DataScope scope) {
        if (!scope.includes(id)) {
            throw new NotFoundException("unit " + id);
        }
        try {
            rename(id, form.version() == null ? -1 : form.version(), form.name().trim(), form.kind(), form.sort());
        }
        catch (org.springframework.dao.OptimisticLockingFailureException stale) {
            Map<String, Object> who = jdbc.sql("select updated_by, updated_at from org_unit where id = :id")
                .param("id", id)
                .query()
                .singleRow();
            java.sql.Timestamp at = (java.sql.Timestamp) who.get("updated_at");
            throw new StaleEditException("org_unit " + id, (String) who.get("updated_by"),
                    at == null ? null : at.toInstant());
        }
        stamp(id);
    }

    /**
     * Narrows a scope to one unit and everything below it (a filter on a list page);
     * empty when outside.
     */
    @Transactional(readOnly = true)
    public DataScope within(DataScope scope, UUID unitId) {
        OrgUnit unit = find(unitId).filter(u -> scope.includes(u.id()))
            .orElseThrow(() -> new NotFoundException("unit " + unitId));
        Set<UUID> ids = new HashSet<>(below(unit));
        ids.retainAll(scope.unitIds());
        return new DataScope(ids, scope.ownPath());
    }

    private void stamp(UUID id) {
        jdbc.sql("update org_unit set updated_by = :by, updated_at = :at where id = :id")
            .param("by", org.duban.security.CurrentUser.actor())
            .param("at", java.sql.Timestamp.from(clock.instant()))
            .param("id", id)
            .update();
    }

    static OrgUnit map(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("path"),
                rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getInt("sort"),
                rs.getLong("version"));
    }

}

package org.duban.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may act on a unit's work: the enabled staff holding a permission, reached by the
 * unit, by its bureau, or by their data scope. The one place that joins staff, roles and
 * permissions for the reminder jobs and the hand-over notices
 * (docs/adr/0310-one-organisation-api.md).
 */
@Service
public class PermissionHolders {

    /** Which staff a unit's work reaches. */
    public enum Reach {

        /** Staff of the unit itself (a unit's own desk). */
        UNIT,

        /** Staff of any unit whose bureau is the unit's bureau. */
        BUREAU,

        /**
         * Staff of the unit, and staff whose data scope covers it inside its own bureau
         * (supervision). The level above sees a county's items but is not at the county's
         * desks; only scope ALL reaches across bureaus.
         */
        SCOPE

    }

    private static final String HOLDERS = """
            select s.id
            from staff s
            join org_unit home on home.id = s.unit_id
            join org_unit_bureau home_bureau on home_bureau.unit_id = s.unit_id
            join org_unit target on target.id = :unit
            join org_unit_bureau target_bureau on target_bureau.unit_id = target.id
            where s.enabled
              and s.login is distinct from :except
              and exists (select 1 from staff_role sr join role_permission rp on rp.role_code = sr.role_code
                          join role r on r.code = sr.role_code
                          where sr.staff_id = s.id and rp.permission = :permission
                            and (cast(:roleScopes as text[]) is null or r.scope = any (cast(:roleScopes as text[]))))
              and (cast(:alsoPermission as text) is null
                   or exists (select 1 from staff_role sr join role_permission rp on rp.role_code = sr.role_code
                              where sr.staff_id = s.id and rp.permission = :alsoPermission))
              and (s.unit_id = target.id
                   or (:reach = 'BUREAU' and home_bureau.bureau_id = target_bureau.bureau_id)
                   or (:reach = 'SCOPE' and exists (
                          select 1 from staff_role sr join role r on r.code = sr.role_code
                          where sr.staff_id = s.id
                            and (r.scope = 'ALL'
                                 or (r.scope = 'BUREAU' and home_bureau.bureau_id = target_bureau.bureau_id)
                                 or (r.scope = 'UNIT_AND_BELOW' and home_bureau.bureau_id = target_bureau.bureau_id
                                     and target.path like home.path || '%')))))
            order by s.id
            """;

    private final JdbcClient jdbc;

    PermissionHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The enabled staff that {@code unitId}'s work reaches who hold {@code permission}.
     */
    @Transactional(readOnly = true)
    public List<UUID> of(UUID unitId, String permission, Reach reach) {
        return of(unitId, permission, reach, null, null);
    }

    /**
     * As {@link #of(UUID, String, Reach)}, keeping those who also hold
     * {@code alsoPermission} (null: no second permission, e.g. for a clue that is not
     * confidential) and leaving out {@code exceptLogin} (null: nobody).
     */
    @Transactional(readOnly = true)
    public List<UUID> of(UUID unitId, String permission, Reach reach, String alsoPermission, String exceptLogin) {
        return query(unitId, permission, reach, null, alsoPermission, exceptLogin);
    }

    /**
     * As {@link #of(UUID, String, Reach)}, counting {@code permission} only where it is
     * held through a role of one of {@code roleScopes} (e.g. BUREAU and ALL: who writes
     * for the whole bureau, not unit staff who write their own unit's report).
     */
    @Transactional(readOnly = true)
    public List<UUID> withRoleScope(UUID unitId, String permission, Reach reach, Set<String> roleScopes) {
        return query(unitId, permission, reach, roleScopes.toArray(String[]::new), null, null);
    }

    private List<UUID> query(UUID unitId, String permission, Reach reach, String[] roleScopes, String alsoPermission,
            String exceptLogin) {
        return jdbc.sql(HOLDERS)
            .param("unit", unitId)
            .param("permission", permission)
            .param("reach", reach.name())
            .param("roleScopes", roleScopes)
            .param("alsoPermission", alsoPermission)
            .param("except", exceptLogin)
            .query(UUID.class)
            .list();
    }

}

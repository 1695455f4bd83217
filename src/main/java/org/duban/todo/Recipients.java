package org.duban.todo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who sits at a desk: the enabled staff holding a permission whose data scope covers a
 * unit (or, for a unit's own desk, who belong to that unit), plus a responsible person
 * named on the item. A confidential clue reaches only those who may read confidential
 * clues (need-to-know), the named person included.
 */
@Component
class Recipients {

    static final String CONFIDENTIAL = "ledger:clue:confidential";

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A desk: {@code permission} over {@code unitId}; {@code ownUnit} keeps it to the
     * unit's own staff.
     */
    record Desk(String permission, UUID unitId, boolean ownUnit) {
        static Desk of(String permission, UUID unitId) {
            return new Desk(permission, unitId, false);
        }

        static Desk own(String permission, UUID unitId) {
            return new Desk(permission, unitId, true);
        }
    }

    /**
     * The staff at the desks, and the person named {@code person} in {@code personUnit}
     * if they may read the item ({@code readPermission}); never {@code exceptLogin}
     * (whoever handed it over knows).
     */
    List<UUID> of(List<Desk> desks, boolean confidential, String exceptLogin, String person, UUID personUnit,
            String readPermission) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Desk desk : desks) {
            if (desk.unitId() == null) {
                continue;
            }
            ids.addAll(jdbc.sql("""
                    select s.id from staff s
                    join org_unit own on own.id = s.unit_id
                    join org_unit target on target.id = :unit
                    join lateral (select coalesce((select b.path from org_unit b
                                                   where own.path like b.path || '%'
                                                     and b.kind in ('COUNTY_BUREAU', 'CITY_BUREAU', 'PROVINCE_BUREAU')
                                                   order by length(b.path) desc limit 1), own.path) as path
                                 ) own_bureau on true
                    join lateral (select coalesce((select b.path from org_unit b
                                                   where target.path like b.path || '%'
                                                     and b.kind in ('COUNTY_BUREAU', 'CITY_BUREAU', 'PROVINCE_BUREAU')
                                                   order by length(b.path) desc limit 1), target.path) as path
                                 ) target_bureau on true
                    where s.enabled and s.login is distinct from :except
                      and exists (select 1 from staff_role sr join role_permission rp on rp.role_code = sr.role_code
                                  where sr.staff_id = s.id and rp.permission = :permission)
                      and (not :confidential or exists (
                                  select 1 from staff_role sr join role_permission rp on rp.role_code = sr.role_code
                                  where sr.staff_id = s.id and rp.permission = :secret))
                      and (s.unit_id = :unit or (not :ownUnit and exists (
                          select 1 from staff_role sr join role r on r.code = sr.role_code
                          where sr.staff_id = s.id and (
                              r.scope = 'ALL'
                              -- The level above sees a county's items (and urges them) but is not at
                              -- the county's desks: a hand-over is noticed inside the county's own bureau.
                              or (r.scope = 'UNIT_AND_BELOW' and target.path like own.path || '%'
                                  and own_bureau.path = target_bureau.path)
                              or (r.scope = 'BUREAU' and own_bureau.path = target_bureau.path)))))
                    order by s.id
                    """)
                .param("unit", desk.unitId())
                .param("except", exceptLogin)
                .param("permission", desk.permission())
                .param("confidential", confidential)
                .param("secret", CONFIDENTIAL)
                .param("ownUnit", desk.ownUnit())
                .query(UUID.class)
                .list());
        }
        if (person != null && !person.isBlank() && personUnit != null) {
            ids.addAll(of(List.of(Desk.own(readPermission, personUnit)), confidential, exceptLogin, null, null, null)
                .stream()
                .filter(id -> named(id, person))
                .toList());
        }
        return List.copyOf(ids);
    }

    private boolean named(UUID staffId, String person) {
        return jdbc.sql("select count(*) from staff where id = :id and name = :name")
            .param("id", staffId)
            .param("name", person.strip())
            .query(Integer.class)
            .single() > 0;
    }

}

package org.duban.todo;

import org.duban.organization.PermissionHolders;
import org.duban.organization.PermissionHolders.Reach;
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

    private final PermissionHolders holders;

    Recipients(JdbcClient jdbc, PermissionHolders holders) {
        this.jdbc = jdbc;
        this.holders = holders;
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
        String secret = confidential ? CONFIDENTIAL : null;
        Set<UUID> ids = new LinkedHashSet<>();
        for (Desk desk : desks) {
            if (desk.unitId() != null) {
                ids.addAll(holders.of(desk.unitId(), desk.permission(), desk.ownUnit() ? Reach.UNIT : Reach.SCOPE,
                        secret, exceptLogin));
            }
        }
        if (person != null && !person.isBlank() && personUnit != null) {
            ids.addAll(holders.of(personUnit, readPermission, Reach.UNIT, secret, exceptLogin)
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

package org.duban.organization;

import org.duban.organization.PermissionHolders.Reach;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The bureau of unit X" and "staff of unit X (or its bureau, or whose scope covers it)
 * holding permission Y", on the demonstration's organisation: leader (鄂托克前旗 bureau),
 * workteam (its office), unit (its 一中队), city (the city bureau, scope unit and below),
 * admin (scope all), otog-workteam (another county). Other tests add accounts, so the
 * assertions name the demonstration's.
 */
@DubanTest
class PermissionHoldersTest {

    @Autowired
    PermissionHolders holders;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    UUID unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    Set<String> logins(List<UUID> staff) {
        assertThat(staff).doesNotHaveDuplicates();
        return new TreeSet<>(jdbc.sql("select coalesce(login, name) from staff where id = any(:ids)")
            .param("ids", staff.toArray(UUID[]::new))
            .query(String.class)
            .list());
    }

    @Test
    void theBureauOfAUnitIsTheNearestCountyOrCityBureauAtOrAboveIt() {
        assertThat(units.bureauOf(unit("OTOGQ-SQUAD-1")).code()).isEqualTo("OTOGQ");
        assertThat(units.bureauOf(unit("OTOGQ-BRIGADE")).code()).isEqualTo("OTOGQ");
        assertThat(units.bureauOf(unit("OTOGQ")).code()).isEqualTo("OTOGQ");
        assertThat(units.bureauOf(unit("OTOG-SQUAD-2")).code()).isEqualTo("OTOG");
        assertThat(units.bureauOf(unit("ORDOS-LAW")).code()).isEqualTo("ORDOS");
        assertThat(units.bureauOf(unit("ORDOS")).code()).isEqualTo("ORDOS");
    }

    @Test
    void aUnitsOwnDeskIsItsOwnStaffHoldingThePermission() {
        Set<String> squad = logins(holders.of(unit("OTOGQ-SQUAD-1"), "ledger:problem:rectify", Reach.UNIT));
        assertThat(squad).contains("unit").doesNotContain("workteam", "leader", "admin", "otog-unit");
    }

    @Test
    void staffWithoutThePermissionAreNotHolders() {
        // The squad's unit staff read the ledger but do not assign.
        assertThat(logins(holders.of(unit("OTOGQ-SQUAD-1"), "ledger:problem:assign", Reach.UNIT)))
            .doesNotContain("unit");
    }

    @Test
    void theBureauReachesEveryUnitOfTheSameBureauAndNoOther() {
        Set<String> writers = logins(holders.of(unit("OTOGQ"), "reporting:report:write", Reach.BUREAU));
        assertThat(writers).contains("workteam", "admin").doesNotContain("otog-workteam", "hangjin-workteam", "city");
        // Asked from a squad, the same bureau answers.
        assertThat(logins(holders.of(unit("OTOGQ-SQUAD-2"), "reporting:report:write", Reach.BUREAU)))
            .isEqualTo(writers);
    }

    @Test
    void theScopeReachesSupervisorsInsideTheBureauButNotTheLevelAbove() {
        Set<String> assigners = logins(holders.of(unit("OTOGQ-SQUAD-1"), "ledger:problem:assign", Reach.SCOPE));
        assertThat(assigners).contains("workteam").doesNotContain("otog-workteam", "city", "city-workteam", "unit");
        // Scope ALL reaches across bureaus.
        assertThat(logins(holders.of(unit("OTOG-SQUAD-1"), "organization:staff:write", Reach.SCOPE))).contains("admin");
    }

    @Test
    void aSecondPermissionNarrowsTheHoldersAndTheActorIsLeftOut() {
        UUID bureau = unit("OTOGQ");
        Set<String> readers = logins(holders.of(bureau, "ledger:problem:read", Reach.BUREAU));
        assertThat(readers).contains("unit", "workteam", "leader", "auditor");
        assertThat(logins(holders.of(bureau, "ledger:problem:read", Reach.BUREAU, "ledger:clue:confidential", null)))
            .contains("workteam", "leader", "auditor")
            .doesNotContain("unit");
        assertThat(logins(holders.of(bureau, "ledger:problem:read", Reach.BUREAU, null, "workteam")))
            .contains("unit", "leader")
            .doesNotContain("workteam");
    }

    @Test
    @Transactional
    void disabledStaffAreNotHolders() {
        jdbc.sql("update staff set enabled = false where login = 'unit'").update();
        assertThat(logins(holders.of(unit("OTOGQ-SQUAD-1"), "ledger:problem:rectify", Reach.UNIT)))
            .doesNotContain("unit");
    }

}

package org.duban.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * Units and accounts written straight into the test database, for levels the
 * demonstration does not have (a province, a simulated province's cities and counties).
 */
public final class TestUnits {

    private TestUnits() {
    }

    /** A unit below {@code parent} (null: a root), its code and name as given. */
    public static UUID unit(JdbcClient jdbc, UUID parent, String code, String name, String kind) {
        UUID id = UUID.randomUUID();
        String path = (parent == null ? "/"
                : jdbc.sql("select path from org_unit where id = :p").param("p", parent).query(String.class).single())
                + id + "/";
        jdbc.sql("insert into org_unit (id, parent_id, path, code, name, kind) values (:id, :p, :path, :c, :n, :k)")
            .param("id", id)
            .param("p", parent)
            .param("path", path)
            .param("c", code)
            .param("n", name)
            .param("k", kind)
            .update();
        return id;
    }

    /**
     * An enabled account with one role in {@code unit}; its password is never used (tests
     * sign in through MockMvc's user()).
     */
    public static void account(JdbcClient jdbc, String login, UUID unit, String role) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into staff (id, unit_id, name, login, password_hash, enabled)
                values (:id, :u, :l, :l, '{noop}unused', true)
                """).param("id", id).param("u", unit).param("l", login).update();
        jdbc.sql("insert into staff_role (staff_id, role_code) values (:id, :r)")
            .param("id", id)
            .param("r", role)
            .update();
    }

}

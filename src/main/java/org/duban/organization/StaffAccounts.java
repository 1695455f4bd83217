package org.duban.organization;

import org.duban.security.DubanUser;
import org.duban.security.ScopeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a staff member with their roles, permissions and widest scope for Spring
 * Security.
 */
@Service
class StaffAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        Map<String, Object> staff = jdbc.sql("""
                select id, name, unit_id, password_hash, enabled from staff
                where login = :login and password_hash is not null
                """)
            .param("login", login)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        UUID id = (UUID) staff.get("id");
        Set<String> roles = new HashSet<>();
        Set<String> permissions = new HashSet<>();
        ScopeKind[] scope = { ScopeKind.OWN_UNIT };
        jdbc.sql("""
                select r.code, r.scope, rp.permission from staff_role sr
                join role r on r.code = sr.role_code
                left join role_permission rp on rp.role_code = r.code
                where sr.staff_id = :id
                """).param("id", id).query(rs -> {
            roles.add(rs.getString("code"));
            scope[0] = scope[0].widest(ScopeKind.valueOf(rs.getString("scope")));
            String permission = rs.getString("permission");
            if (permission != null) {
                permissions.add(permission);
            }
        });
        return new DubanUser(id, login, (String) staff.get("name"), (UUID) staff.get("unit_id"),
                (String) staff.get("password_hash"), (Boolean) staff.get("enabled"), roles, permissions, scope[0]);
    }

}

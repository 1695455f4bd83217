package org.duban.organization;

import org.duban.audit.AuditEvent;
import org.duban.security.AccountChanged;
import org.duban.security.CurrentUser;
import org.duban.security.ScopeKind;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Roles, their data scope and their permission codes. The role set itself is fixed by
 * DOMAIN.md (and by migrations); administrators change what each role may do and see. A
 * changed role takes effect at once: its holders' open sessions are refreshed (see
 * security's SignedInSessions).
 */
@Service
public class Roles {

    /**
     * Actions that change nothing: an auditor's role may hold only these. Reading
     * confidential clues and findings is reading too, and the auditor is given it (they
     * check the confidential ones above all); without it here the role as installed could
     * not be saved unchanged.
     */
    static final Set<String> READ_ONLY_ACTIONS = Set.of("read", "verify", "export", "confidential");
    static final String AUDITOR = "AUDITOR";
    static final String ADMIN = "ADMIN";
    static final String ROLE_WRITE = "organization:role:write";

    private static final String SELECT = """
            select r.*, coalesce(array_agg(p.permission order by p.permission)
                   filter (where p.permission is not null), '{}') as permissions
            from role r left join role_permission p on p.role_code = r.code
            """;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Roles(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Role> list() {
        return jdbc.sql(SELECT + " group by r.code order by r.sort").query(Roles::map).list();
    }

    @Transactional(readOnly = true)
    public Role get(String code) {
        return jdbc.sql(SELECT + " where r.code = :code group by r.code")
            .param("code", code)
            .query(Roles::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("role " + code));
    }

    /** Every permission code the modules have registered, in code order. */
    @Transactional(readOnly = true)
    public List<String> permissionCodes() {
        return jdbc.sql("select code from permission order by code").query(String.class).list();
    }

    @Transactional
    public void update(String code, RoleForm form) {
        Role before = get(code);
        SortedSet<String> wanted = new TreeSet<>(form.permissions() == null ? Set.of() : form.permissions());
        if (!permissionCodes().containsAll(wanted)) {
            throw new BusinessRuleViolation("role.permission.unknown");
        }
        if (AUDITOR.equals(code)) {
            wanted.stream().filter(p -> !isReadOnly(p)).findFirst().ifPresent(p -> {
                throw new BusinessRuleViolation("role.auditor.readOnly", permissionLabel(p));
            });
        }
        // Without this the last way to repair a role would be a database session.
        if (ADMIN.equals(code) && !wanted.contains(ROLE_WRITE)) {
            throw new BusinessRuleViolation("role.admin.keepsRoleWrite", permissionLabel(ROLE_WRITE));
        }
        int updated = jdbc.sql("""
                update role set scope = :scope, version = version + 1, updated_by = :by, updated_at = :at
                where code = :code and version = :version
                """)
            .param("scope", form.scope().name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("code", code)
            .param("version", form.version())
            .update();
        if (updated == 0) {
            Role now = get(code);
            throw new StaleEditException("role " + code, now.updatedBy(), now.updatedAt());
        }
        jdbc.sql("delete from role_permission where role_code = :code").param("code", code).update();
        for (String permission : wanted) {
            jdbc.sql("insert into role_permission (role_code, permission) values (:code, :permission)")
                .param("code", code)
                .param("permission", permission)
                .update();
        }
        jdbc.sql("""
                select s.login from staff s join staff_role sr on sr.staff_id = s.id
                where sr.role_code = :code and s.login is not null
                """)
            .param("code", code)
            .query(String.class)
            .list()
            .forEach(login -> events.publishEvent(new AccountChanged(login, false)));
        events.publishEvent(AuditEvent.change("organization.role.updated", "role", code,
                describe(before.scope(), before.permissions()), describe(form.scope(), wanted)));
    }

    static boolean isReadOnly(String permission) {
        return READ_ONLY_ACTIONS.contains(permission.substring(permission.lastIndexOf(':') + 1));
    }

    private static Map<String, Object> describe(ScopeKind scope, Set<String> permissions) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("scope", scope.name());
        values.put("permissions", List.copyOf(new TreeSet<>(permissions)));
        return values;
    }

    static Role map(ResultSet rs, int row) throws SQLException {
        String[] permissions = (String[]) rs.getArray("permissions").getArray();
        Timestamp at = rs.getTimestamp("updated_at");
        return new Role(rs.getString("code"), ScopeKind.valueOf(rs.getString("scope")), rs.getInt("sort"),
                new TreeSet<>(Arrays.asList(permissions)), rs.getLong("version"), rs.getString("updated_by"),
                at == null ? null : at.toInstant());
    }

    /**
     * A permission as a message argument: resolved to its label when the message is
     * shown, in the page's language.
     */
    static MessageSourceResolvable permissionLabel(String permission) {
        return new DefaultMessageSourceResolvable(new String[] { "permission." + permission }, permission);
    }

}

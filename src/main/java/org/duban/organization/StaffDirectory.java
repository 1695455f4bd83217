package org.duban.organization;

import org.duban.audit.AuditEvent;
import org.duban.security.AccountChanged;
import org.duban.security.PasswordPolicy;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Staff accounts: list within a scope, create, edit, enable and disable. */
@Service
public class StaffDirectory {

    private static final String SELECT = """
            select s.*, coalesce(array_agg(r.role_code) filter (where r.role_code is not null), '{}') as roles
            from staff s left join staff_role r on r.staff_id = s.id
            """;

    private final JdbcClient jdbc;

    private final PasswordEncoder encoder;

    private final PasswordPolicy passwordPolicy;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final OrgUnits units;

    StaffDirectory(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy passwordPolicy,
            ApplicationEventPublisher events, Clock clock, OrgUnits units) {
        this.units = units;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Staff> list(DataScope scope, String text) {
        String like = text == null || text.isBlank() ? null : "%" + text.trim() + "%";
        return jdbc.sql(SELECT + """
                where s.unit_id = any(:units)
                  and (cast(:like as text) is null or s.name like :like or s.login like :like)
                group by s.id order by s.name
                """).param("units", scope.unitArray()).param("like", like).query(StaffDirectory::map).list();
    }

    @Transactional(readOnly = true)
    public Staff get(UUID id, DataScope scope) {
        return find(id).filter(s -> scope.includes(s.unitId())).orElseThrow(() -> new NotFoundException("staff " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Staff> find(UUID id) {
        return jdbc.sql(SELECT + " where s.id = :id group by s.id")
            .param("id", id)
            .query(StaffDirectory::map)
            .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Staff> findByLogin(String login) {
        return jdbc.sql(SELECT + " where s.login = :login group by s.id")
            .param("login", login)
            .query(StaffDirectory::map)
            .optional();
    }

    /**
     * The email address of an enabled staff member, if one is recorded (for reminders by
     * email).
     */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(UUID id) {
        return jdbc.sql("select email from staff where id = :id and enabled and email is not null")
            .param("id", id)
            .query(String.class)
            .optional();
    }

    @Transactional(readOnly = true)
    public List<String> roleCodes() {
        return jdbc.sql("select code from role order by sort").query(String.class).list();
    }

    /**
     * Creates a staff member; refuses a taken login, an unknown role or a weak password
     * (as form errors).
     */
    @Transactional
    public UUID create(StaffForm form) {
        validate(form, null);
        return insert(form);
    }

    private UUID insert(StaffForm form) {
        UUID id = UUID.randomUUID();
        String login = blankToNull(form.login());
        jdbc.sql("""
                insert into staff (id, unit_id, name, title, phone, email, login, password_hash, enabled, updated_by,
                                   updated_at)
                values (:id, :unit, :name, :title, :phone, :email, :login, :hash, :enabled, :by, :at)
                """)
            .param("id", id)
            .param("unit", form.unitId())
            .param("name", form.name().trim())
            .param("title", blankToNull(form.title()))
            .param("phone", blankToNull(form.phone()))
            .param("email", blankToNull(form.email()))
            .param("login", login)
            .param("hash", login == null ? null : encoder.encode(form.password()))
            .param("enabled", form.enabled())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        writeRoles(id, form.roles());
        events.publishEvent(AuditEvent.change("organization.staff.created", "staff", id, Map.of(), describe(form)));
        return id;
    }

    /**
     * Creates a staff member in a unit of the administrator's scope (the administration
     * pages).
     */
    @Transactional
    public UUID create(StaffForm form, DataScope scope) {
        requireUnitInScope(form, scope);
        return create(form);
    }

    /**
     * Creates a staff member from an imported spreadsheet row. A spreadsheet never
     * carries passwords: an imported account with a login has no password until an
     * administrator sets one on its edit page, so it cannot sign in before then.
     */
    @Transactional
    public UUID createImported(StaffForm form, DataScope scope) {
        requireUnitInScope(form, scope);
        StaffForm withoutPassword = new StaffForm(form.unitId(), form.name(), form.title(), form.phone(), form.email(),
                form.login(), null, form.enabled(), form.roles(), null);
        checkLoginAndRoles(withoutPassword, null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into staff (id, unit_id, name, title, phone, email, login, password_hash, enabled, updated_by,
                                   updated_at)
                values (:id, :unit, :name, :title, :phone, :email, :login, null, :enabled, :by, :at)
                """)
            .param("id", id)
            .param("unit", form.unitId())
            .param("name", form.name().trim())
            .param("title", blankToNull(form.title()))
            .param("phone", blankToNull(form.phone()))
            .param("email", blankToNull(form.email()))
            .param("login", blankToNull(form.login()))
            .param("enabled", form.enabled())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .update();
        writeRoles(id, form.roles());
        events.publishEvent(
                AuditEvent.change("organization.staff.imported", "staff", id, Map.of(), describe(withoutPassword)));
        return id;
    }

    @Transactional
    public void update(UUID id, StaffForm form, DataScope scope) {
        Staff before = get(id, scope);
        requireUnitInScope(form, scope);
        validate(form, before);
        int updated = jdbc.sql("""
                update staff set unit_id = :unit, name = :name, title = :title, phone = :phone, email = :email,
                       login = :login,
                       enabled = :enabled, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("unit", form.unitId())
            .param("name", form.name().trim())
            .param("title", blankToNull(form.title()))
            .param("phone", blankToNull(form.phone()))
            .param("email", blankToNull(form.email()))
            .param("login", blankToNull(form.login()))
            .param("enabled", form.enabled())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", form.version() == null ? -1 : form.version())
            .update();
        if (updated == 0) {
            Staff now = find(id).orElseThrow(() -> new NotFoundException("staff " + id));
            throw new StaleEditException("staff " + id, now.updatedBy(), now.updatedAt());
        }
        boolean passwordChanged = form.password() != null && !form.password().isBlank();
        if (passwordChanged) {
            jdbc.sql("update staff set password_hash = :hash where id = :id")
                .param("hash", encoder.encode(form.password()))
                .param("id", id)
                .update();
        }
        writeRoles(id, form.roles());
        if (!form.enabled() && before.login() != null) {
            endSessions(before.login());
        }
        boolean rightsChanged = !before.unitId().equals(form.unitId())
                || !before.roles().equals(form.roles() == null ? Set.of() : form.roles())
                || !java.util.Objects.equals(before.login(), blankToNull(form.login()));
        if (before.login() != null && (passwordChanged || rightsChanged)) {
            // Open sessions take the new roles and unit at once, and a new password ends
            // the other sessions.
            events.publishEvent(new AccountChanged(before.login(), passwordChanged));
        }
        events.publishEvent(AuditEvent.change("organization.staff.updated", "staff", id, describe(StaffForm.of(before)),
                describe(form)));
    }

    /**
     * A demonstration account with the password published in the README
     * ({@code duban-demo}), which the blocklist would refuse (it contains "duban"): only
     * the length rules apply, and the account is marked as a demonstration one, which the
     * production profile refuses to start with.
     */
    @Transactional
    public UUID createDemonstration(StaffForm form) {
        checkLoginAndRoles(form, null);
        passwordPolicy.check(form.password(), List.of())
            .filter(key -> !key.equals("password.personal") && !key.equals("password.common"))
            .ifPresent(key -> {
                throw new BusinessRuleViolation(key, PasswordPolicy.MIN_LENGTH);
            });
        UUID id = insert(form);
        markAsDemonstration(id);
        return id;
    }

    /**
     * Demonstration accounts are marked so that a production start can refuse while any
     * exists.
     */
    @Transactional
    public void markAsDemonstration(UUID id) {
        jdbc.sql("update staff set demo = true where id = :id").param("id", id).update();
    }

    /**
     * Disabling an account also ends its open sessions, wherever they are (sessions live
     * in the database).
     */
    void endSessions(String login) {
        jdbc.sql("delete from spring_session where principal_name = :login").param("login", login).update();
    }

    private static void requireUnitInScope(StaffForm form, DataScope scope) {
        if (!scope.includes(form.unitId())) {
            throw new BusinessRuleViolation("staff.unit.outOfScope");
        }
    }

    private void checkLoginAndRoles(StaffForm form, Staff existing) {
        String login = blankToNull(form.login());
        if (login != null) {
            Optional<Staff> holder = findByLogin(login);
            if (holder.isPresent() && (existing == null || !holder.get().id().equals(existing.id()))) {
                throw new BusinessRuleViolation("staff.login.taken", login);
            }
        }
        Set<String> known = new HashSet<>(roleCodes());
        if (form.roles() != null && !known.containsAll(form.roles())) {
            throw new BusinessRuleViolation("staff.role.unknown");
        }
    }

    private void validate(StaffForm form, Staff existing) {
        checkLoginAndRoles(form, existing);
        String login = blankToNull(form.login());
        if (login != null) {
            boolean needsPassword = existing == null || existing.login() == null;
            if (needsPassword || (form.password() != null && !form.password().isBlank())) {
                passwordPolicy.check(form.password(), personalWords(form)).ifPresent(key -> {
                    throw new BusinessRuleViolation(key, PasswordPolicy.MIN_LENGTH);
                });
            }
        }
    }

    /**
     * What a password may not contain: the login, the person's name, the name of their
     * bureau.
     */
    private List<String> personalWords(StaffForm form) {
        List<String> words = new java.util.ArrayList<>();
        words.add(form.login());
        words.add(form.name());
        if (form.unitId() != null) {
            units.find(form.unitId()).map(units::bureauOf).ifPresent(bureau -> words.add(bureau.name()));
        }
        return words;
    }

    private void writeRoles(UUID id, Set<String> roles) {
        jdbc.sql("delete from staff_role where staff_id = :id").param("id", id).update();
        for (String role : roles == null ? Set.<String>of() : roles) {
            jdbc.sql("insert into staff_role (staff_id, role_code) values (:id, :role)")
                .param("id", id)
                .param("role", role)
                .update();
        }
    }

    private static Map<String, Object> describe(StaffForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("unitId", String.valueOf(form.unitId()));
        values.put("name", form.name());
        values.put("title", form.title());
        values.put("email", form.email());
        values.put("login", form.login());
        values.put("enabled", form.enabled());
        values.put("roles", form.roles() == null ? List.of() : form.roles().stream().sorted().toList());
        return values;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Staff map(ResultSet rs, int row) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        Timestamp at = rs.getTimestamp("updated_at");
        return new Staff(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("name"),
                rs.getString("title"), rs.getString("phone"), rs.getString("email"), rs.getString("login"),
                rs.getBoolean("enabled"), rs.getBoolean("demo"), new HashSet<>(Arrays.asList(roles)),
                rs.getLong("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
    }

    Instant now() {
        return clock.instant();
    }

}

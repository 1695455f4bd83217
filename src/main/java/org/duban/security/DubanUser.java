package org.duban.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The signed-in staff member. Kept small and serializable because it lives in the JDBC
 * session store. The data scope is recomputed per request from the org tree (see
 * organization's DataScopes), never cached here.
 */
public final class DubanUser implements UserDetails, CredentialsContainer, Serializable {

    private final UUID staffId;

    private final String login;

    private final String displayName;

    private final UUID unitId;

    private String passwordHash;

    private final boolean enabled;

    private final Set<String> roles;

    private final Set<String> permissions;

    private final ScopeKind scope;

    public DubanUser(UUID staffId, String login, String displayName, UUID unitId, String passwordHash, boolean enabled,
            Set<String> roles, Set<String> permissions, ScopeKind scope) {
        this.staffId = staffId;
        this.login = login;
        this.displayName = displayName;
        this.unitId = unitId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.roles = Set.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
        this.scope = scope;
    }

    public UUID staffId() {
        return staffId;
    }

    public String displayName() {
        return displayName;
    }

    public UUID unitId() {
        return unitId;
    }

    public Set<String> roles() {
        return roles;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public ScopeKind scope() {
        return scope;
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return permissions.stream().map(SimpleGrantedAuthority::new).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Called by Spring Security after authentication: the hash is not kept in the
     * session.
     */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

}

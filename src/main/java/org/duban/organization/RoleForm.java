package org.duban.organization;

import jakarta.validation.constraints.NotNull;
import org.duban.security.ScopeKind;

import java.util.Set;
import java.util.TreeSet;

/** The editable part of a role: its data scope and its permission set. */
public record RoleForm(@NotNull ScopeKind scope, Set<String> permissions, @NotNull Long version) {

    public static RoleForm of(Role role) {
        return new RoleForm(role.scope(), new TreeSet<>(role.permissions()), role.version());
    }
}

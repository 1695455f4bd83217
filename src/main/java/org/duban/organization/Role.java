package org.duban.organization;

import org.duban.security.ScopeKind;

import java.time.Instant;
import java.util.SortedSet;

/** A role with the units its holders see and the permission codes it grants. */
public record Role(String code, ScopeKind scope, int sort, SortedSet<String> permissions, long version,
        String updatedBy, Instant updatedAt) {
}

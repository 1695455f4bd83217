package org.duban.organization;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A staff member, with a login if they use Duban. Never bound to a form: forms are
 * {@link StaffForm}.
 */
public record Staff(UUID id, UUID unitId, String name, String title, String phone, String email, String login,
        boolean enabled, boolean demo, Set<String> roles, long version, String updatedBy, Instant updatedAt) {
}

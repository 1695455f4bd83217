package org.duban.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The signed-in staff member of this request, if any. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<DubanUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DubanUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static DubanUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    /** The login for the audit trail: a staff login, or "anonymous" for the public. */
    public static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "anonymous" : auth.getName();
    }

}

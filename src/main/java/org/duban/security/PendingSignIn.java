package org.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A password checked, a second step still to do. Kept in the session as a plain
 * attribute, not as an authentication: until the second step the security context stays
 * anonymous, so the session grants no route beyond the public ones.
 *
 * @param since when the password was accepted; the second step must follow within
 * {@link #LIFETIME}
 */
public record PendingSignIn(UUID staffId, String login, SecondStep step, Instant since) implements Serializable {

    static final String ATTRIBUTE = PendingSignIn.class.getName();

    /** Long enough to open an authenticator app, or to scan a QR code and type a code. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /**
     * The pending sign-in of this request's session, unless there is none or it expired.
     */
    public static Optional<PendingSignIn> of(HttpServletRequest request, Instant now) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(LIFETIME).isBefore(now)) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

}

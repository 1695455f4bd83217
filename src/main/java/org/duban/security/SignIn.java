package org.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * The two steps of signing in. After a correct password the second-step policy decides:
 * nothing more (signed in at once), a code, or enrolment first. While a step is pending,
 * the session holds a {@link PendingSignIn} and no authentication. {@link #complete}
 * finishes the sign-in once the second step is done; {@link #failed} counts a wrong code
 * like a wrong password (the same per-account-and-address lockout).
 */
@Component
public class SignIn {

    private final LoginThrottle throttle;

    private final ApplicationEventPublisher events;

    private final UserDetailsService accounts;

    private final ObjectProvider<SecondStepPolicy> policy;

    private final Clock clock;

    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SignIn(LoginThrottle throttle, ApplicationEventPublisher events, UserDetailsService accounts,
            ObjectProvider<SecondStepPolicy> policy, Clock clock) {
        this.throttle = throttle;
        this.events = events;
        this.accounts = accounts;
        this.policy = policy;
        this.clock = clock;
    }

    /** The pending sign-in of this request, if the password step was done recently. */
    public Optional<PendingSignIn> pending(HttpServletRequest request) {
        return PendingSignIn.of(request, clock.instant());
    }

    /**
     * Called with the authentication the password step produced: the step that is still
     * to do, after parking the sign-in in the session if there is one.
     */
    SecondStep afterPassword(HttpServletRequest request, DubanUser user) {
        SecondStepPolicy decider = policy.getIfAvailable();
        SecondStep step = decider == null ? SecondStep.NONE : decider.after(user);
        if (step == SecondStep.NONE) {
            return step;
        }
        // The password filter has already stored the authentication; take it back out, so
        // that the session is anonymous until the second step.
        SecurityContextHolder.clearContext();
        request.removeAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        request.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        request.getSession()
            .setAttribute(PendingSignIn.ATTRIBUTE,
                    new PendingSignIn(user.staffId(), user.getUsername(), step, clock.instant()));
        return step;
    }

    /** A wrong or replayed code at the second step. */
    public void failed(HttpServletRequest request, PendingSignIn pending) {
        throttle.recordFailure(pending.login(), request.getRemoteAddr());
        events.publishEvent(new LoginAttempted(pending.login(), false));
    }

    /** Whether the account or the address is over its failure limit. */
    public boolean blocked(HttpServletRequest request, PendingSignIn pending) {
        return throttle.isBlocked(pending.login(), request.getRemoteAddr());
    }

    /**
     * Signs the pending account in (re-read from the database: it may have been disabled
     * meanwhile) under a new session id.
     * @return the path to go to: the page first asked for, or the home page; empty when
     * the account can no longer sign in
     */
    public Optional<String> complete(HttpServletRequest request, HttpServletResponse response, PendingSignIn pending) {
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        UserDetails account;
        try {
            account = accounts.loadUserByUsername(pending.login());
        }
        catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
        if (!account.isEnabled() || !(account instanceof DubanUser user) || !user.staffId().equals(pending.staffId())) {
            return Optional.empty();
        }
        user.eraseCredentials();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
        succeeded(user.getUsername());
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return Optional.of(saved == null ? "/" : LoginSuccess.pathOnly(saved.getRedirectUrl()));
    }

    void succeeded(String login) {
        throttle.recordSuccess(login);
        events.publishEvent(new LoginAttempted(login, true));
    }

}

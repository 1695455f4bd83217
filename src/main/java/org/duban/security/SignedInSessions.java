package org.duban.security;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

/**
 * Keeps the open sessions of an account in step with its rights. A session carries the
 * permissions it was signed in with; when they change, each of the account's sessions
 * (Spring Session's principal-name index, so sessions on every instance) gets the account
 * re-read from the database, or ends when the account can no longer sign in or its
 * password changed.
 */
@Component
public class SignedInSessions {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    private final UserDetailsService accounts;

    private final ObjectProvider<SecondStepPolicy> secondStep;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
            UserDetailsService accounts, ObjectProvider<SecondStepPolicy> secondStep) {
        this.repository = repository;
        this.accounts = accounts;
        this.secondStep = secondStep;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountChanged change) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null || change.login() == null) {
            return; // commands run without a session store
        }
        apply(sessions, change);
    }

    private <S extends Session> void apply(FindByIndexNameSessionRepository<S> sessions, AccountChanged change) {
        Map<String, S> open = sessions.findByPrincipalName(change.login());
        if (open.isEmpty()) {
            return;
        }
        UserDetails account = load(change.login());
        String current = currentSessionId();
        for (S session : open.values()) {
            boolean keepCurrent = session.getId().equals(current) && account != null && account.isEnabled();
            // Rights that require a second factor the account has not enrolled (made an
            // administrator while signed in) are not handed to the open session: it ends,
            // and the next sign-in asks for enrolment.
            if (account == null || !account.isEnabled() || (change.credentialsChanged() && !keepCurrent)
                    || mustEnrolFirst(account)) {
                sessions.deleteById(session.getId());
                continue;
            }
            UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
                .authenticated(account, null, account.getAuthorities());
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(authentication));
            sessions.save(session);
        }
        log.info("Open sessions of {} brought in line with its changed account: {}", change.login(), open.size());
    }

    private boolean mustEnrolFirst(UserDetails account) {
        SecondStepPolicy policy = secondStep.getIfAvailable();
        return policy != null && account instanceof DubanUser user && policy.after(user) == SecondStep.ENROL;
    }

    private UserDetails load(String login) {
        try {
            UserDetails account = accounts.loadUserByUsername(login);
            if (account instanceof DubanUser user) {
                user.eraseCredentials();
            }
            return account;
        }
        catch (UsernameNotFoundException e) {
            return null;
        }
    }

    /** The session of the request making the change, if any (never creates one). */
    private static String currentSessionId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        HttpSession session = servlet.getRequest().getSession(false);
        return session == null ? null : session.getId();
    }

}

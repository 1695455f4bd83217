package org.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a login attempt (password or second-step code) with 429 while the account or
 * the address is over its failure limit.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    static final String THROTTLED_VIEW_PATH = "/login/throttled";

    private final LoginThrottle throttle;

    private final SignIn signIn;

    LoginRateLimitFilter(LoginThrottle throttle, SignIn signIn) {
        this.throttle = throttle;
        this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && blocked(request)) {
            response.setStatus(429);
            request.getRequestDispatcher(THROTTLED_VIEW_PATH).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean blocked(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("/login".equals(path)) {
            return throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr());
        }
        // The second step: its wrong codes count towards the same limit as wrong
        // passwords.
        if (LoginSuccess.SECOND_FACTOR_PATH.equals(path) || LoginSuccess.ENROL_PATH.equals(path)) {
            return signIn.pending(request).map(pending -> signIn.blocked(request, pending)).orElse(false);
        }
        return false;
    }

}

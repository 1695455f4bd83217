package org.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a login attempt with 429 while the account or the address is over its failure
 * limit.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    static final String THROTTLED_VIEW_PATH = "/login/throttled";

    private final LoginThrottle throttle;

    LoginRateLimitFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))
                && throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr())) {
            response.setStatus(429);
            request.getRequestDispatcher(THROTTLED_VIEW_PATH).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

}

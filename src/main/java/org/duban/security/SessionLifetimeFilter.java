package org.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * An absolute lifetime besides the idle timeout: a session older than the limit ends,
 * however busy it was, so a stolen or forgotten session cookie does not work for ever.
 * Runs before the security context is read. System time, as Spring Session stamps the
 * session with it (not the application's clock, which tests may fix).
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration lifetime;

    SessionLifetimeFilter(Duration lifetime) {
        this.lifetime = lifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > lifetime.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

}

package org.duban.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.net.URI;

class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LoginThrottle throttle;

    private final ApplicationEventPublisher events;

    LoginSuccess(LoginThrottle throttle, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.events = events;
        setDefaultTargetUrl("/");
        setRedirectStrategy(new PathOnlyRedirects());
    }

    /**
     * The saved request's URL was built from the request's Host header, which the client
     * controls: redirect to its path and query only, so the browser stays on the address
     * it used (no host injection, no open redirect).
     */
    static final class PathOnlyRedirects extends DefaultRedirectStrategy {

        @Override
        public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
                throws IOException {
            URI target = URI.create(url);
            String path = target.isAbsolute() || target.getRawAuthority() != null
                    ? (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    : url;
            super.sendRedirect(request, response, path);
        }

    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        throttle.recordSuccess(authentication.getName());
        events.publishEvent(new LoginAttempted(authentication.getName(), true));
        super.onAuthenticationSuccess(request, response, authentication);
    }

}

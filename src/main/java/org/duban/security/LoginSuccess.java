package org.duban.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.net.URI;

class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String SECOND_FACTOR_PATH = "/login/second-factor";

    static final String ENROL_PATH = "/login/enrol";

    private final SignIn signIn;

    LoginSuccess(SignIn signIn) {
        this.signIn = signIn;
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
            super.sendRedirect(request, response, pathOnly(url));
        }

    }

    static String pathOnly(String url) {
        URI target = URI.create(url);
        return target.isAbsolute() || target.getRawAuthority() != null
                ? (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                : url;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof DubanUser user) {
            // The failure count is not cleared yet: a password alone must not reset the
            // lockout that wrong codes build up.
            switch (signIn.afterPassword(request, user)) {
                case CODE -> {
                    getRedirectStrategy().sendRedirect(request, response, SECOND_FACTOR_PATH);
                    return;
                }
                case ENROL -> {
                    getRedirectStrategy().sendRedirect(request, response, ENROL_PATH);
                    return;
                }
                case NONE -> {
                }
            }
        }
        signIn.succeeded(authentication.getName());
        super.onAuthenticationSuccess(request, response, authentication);
    }

}

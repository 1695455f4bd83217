package org.duban.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;

/** Unknown user, wrong password and disabled account all get the same answer. */
class LoginFailure extends SimpleUrlAuthenticationFailureHandler {

    private final LoginThrottle throttle;

    private final ApplicationEventPublisher events;

    LoginFailure(LoginThrottle throttle, ApplicationEventPublisher events) {
        super("/login?error");
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String login = request.getParameter("username");
        throttle.recordFailure(login, request.getRemoteAddr());
        events.publishEvent(new LoginAttempted(login == null ? "" : login, false));
        super.onAuthenticationFailure(request, response, exception);
    }

}

package org.duban.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;

class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    LoginSuccess(LoginThrottle throttle, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.events = events;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        throttle.recordSuccess(authentication.getName());
        events.publishEvent(new LoginAttempted(authentication.getName(), true));
        super.onAuthenticationSuccess(request, response, authentication);
    }
}

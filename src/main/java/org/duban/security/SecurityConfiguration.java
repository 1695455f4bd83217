package org.duban.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    /**
     * No Micrometer observation per security filter and per authorization decision:
     * wrapping each of the chain's filters in an observation was about a sixth of a
     * request thread's CPU on the complaint API (flight recording, docs/complaint.md
     * "Profile"). The HTTP server observation (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    // Commands (java -jar duban.jar <command>) run without a web server, where there is
    // no HttpSecurity.
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain filterChain(HttpSecurity http, List<RouteRules> declarations, LoginThrottle throttle,
            ApplicationEventPublisher events, SignIn signIn,
            @Value("${duban.security.session.absolute-lifetime:12h}") Duration lifetime) throws Exception {
        http.authorizeHttpRequests(authorize -> {
            for (RouteRules declaration : declarations) {
                for (RouteRule rule : declaration.rules()) {
                    apply(authorize.requestMatchers(rule.method(), rule.pattern()), rule.access());
                }
            }
            authorize.anyRequest().denyAll();
        });
        http.formLogin(form -> form.loginPage("/login")
            .loginProcessingUrl("/login")
            .successHandler(new LoginSuccess(signIn))
            .failureHandler(new LoginFailure(throttle, events)));
        http.logout(logout -> logout.logoutUrl("/logout")
            .logoutSuccessUrl("/login?logout")
            .invalidateHttpSession(true)
            .deleteCookies("SESSION", "JSESSIONID"));
        http.addFilterBefore(new LoginRateLimitFilter(throttle, signIn), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new SessionLifetimeFilter(lifetime), SecurityContextHolderFilter.class);
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny()));
        http.exceptionHandling(ex -> ex.accessDeniedPage("/error/403"));
        // Only pages are worth returning to after signing in: a fragment that htmx
        // fetches
        // (the to-do badge polls every few seconds, also after the session ended) would
        // otherwise become the bare page the next sign-in lands on.
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages
            .setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        http.requestCache(cache -> cache.requestCache(pages));
        return http.build();
    }

    private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, Access access) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (access instanceof Access.Permission permission) {
            url.hasAuthority(permission.code());
        }
        else if (access instanceof Access.SignedIn) {
            url.authenticated();
        }
        else {
            url.permitAll();
        }
    }

}

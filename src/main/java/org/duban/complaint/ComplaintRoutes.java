package org.duban.complaint;

import org.duban.security.Access;
import org.duban.security.RouteRule;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintSettings.class)
class ComplaintRoutes {

    static final String READ = "complaint:complaint:read";
    static final String REGISTER = "complaint:complaint:register";
    static final String DISPATCH = "complaint:complaint:dispatch";
    static final String HANDLE = "complaint:complaint:handle";
    static final String REVEAL = "complaint:identity:reveal";

    /**
     * The hotline API: public, stateless, no cookies, no CSRF (no session to ride on).
     */
    static final List<RouteRule> API = List.of(post("/api/v1/complaints", Access.PUBLIC),
            post("/api/v1/complaints/lookup", Access.PUBLIC), get("/api/v1/bureaus", Access.PUBLIC),
            get("/api/v1/openapi.yaml", Access.PUBLIC));

    @Bean
    RouteRules complaintRouteRules() {
        List<RouteRule> pages = List.of(get("/public", Access.PUBLIC), get("/public/", Access.PUBLIC),
                get("/public/b/{code}", Access.PUBLIC), get("/public/b/{code}/", Access.PUBLIC),
                get("/public/b/{code}/complaints/new", Access.PUBLIC), get("/public/complaints/new", Access.PUBLIC),
                get("/public/complaints/receipt", Access.PUBLIC), post("/public/complaints", Access.PUBLIC),
                get("/public/complaints/status", Access.PUBLIC), post("/public/complaints/status", Access.PUBLIC),
                post("/public/complaints/status/information", Access.PUBLIC),
                post("/public/complaints/status/rating", Access.PUBLIC), get("/complaints", Access.permission(READ)),
                get("/complaints/export", Access.permission(READ)), get("/complaints/new", Access.permission(REGISTER)),
                post("/complaints", Access.permission(REGISTER)), get("/complaints/{id}", Access.permission(READ)),
                get("/complaints/{id}/attachments/{attachmentId}", Access.permission(READ)),
                post("/complaints/{id}/accept", Access.permission(DISPATCH)),
                post("/complaints/{id}/decline", Access.permission(DISPATCH)),
                post("/complaints/{id}/transfer", Access.permission(DISPATCH)),
                post("/complaints/{id}/assign", Access.permission(DISPATCH)),
                post("/complaints/{id}/extend", Access.permission(DISPATCH)),
                post("/complaints/{id}/review", Access.permission(DISPATCH)),
                post("/complaints/{id}/close", Access.permission(DISPATCH)),
                post("/complaints/{id}/problem", Access.permission(DISPATCH)),
                post("/complaints/{id}/notes", Access.permission(HANDLE)),
                post("/complaints/{id}/answer", Access.permission(HANDLE)),
                post("/complaints/{id}/reveal", Access.permission(REVEAL)));
        List<RouteRule> all = new java.util.ArrayList<>(pages);
        all.addAll(API);
        return () -> all;
    }

    /**
     * A separate chain for {@code /api/**}, consulted before the main one: stateless,
     * CSRF off (no cookie authenticates a request here), and deny by default like the
     * main chain. Commands run without a web server, where there is no HttpSecurity (as
     * for the main chain).
     */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain complaintApiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**");
        http.authorizeHttpRequests(authorize -> {
            for (RouteRule rule : API) {
                authorize.requestMatchers(rule.method(), rule.pattern()).permitAll();
            }
            authorize.anyRequest().denyAll();
        });
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        http.securityContext(context -> context.requireExplicitSave(true));
        http.anonymous(anonymous -> {
        });
        http.exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)));
        http.headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    NavItem complaintsNav() {
        return new NavItem("nav.complaints", "/complaints", READ, 30, NavItem.COMPLAINT);
    }

}

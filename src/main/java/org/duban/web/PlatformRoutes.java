package org.duban.web;

import org.duban.security.Access;
import org.duban.security.RouteRule;
import org.duban.security.RouteRules;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/**
 * Routes that belong to no business module: login, static assets, health, error pages.
 */
@Component
class PlatformRoutes implements RouteRules {

    @Override
    public List<RouteRule> rules() {
        return List.of(get("/login", Access.PUBLIC), post("/login", Access.PUBLIC),
                get("/login/throttled", Access.PUBLIC), post("/login/throttled", Access.PUBLIC),
                post("/logout", Access.SIGNED_IN), get("/webjars/**", Access.PUBLIC), get("/css/**", Access.PUBLIC),
                get("/js/**", Access.PUBLIC), get("/img/**", Access.PUBLIC), get("/favicon.ico", Access.PUBLIC),
                get("/actuator/health", Access.PUBLIC), get("/error", Access.PUBLIC), post("/error", Access.PUBLIC),
                get("/error/403", Access.PUBLIC), post("/error/403", Access.PUBLIC));
    }

}

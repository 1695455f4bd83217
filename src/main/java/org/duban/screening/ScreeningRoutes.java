package org.duban.screening;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class ScreeningRoutes {

    static final String FINDING_READ = "screening:finding:read";
    static final String FINDING_WRITE = "screening:finding:write";
    static final String DATA_READ = "screening:data:read";
    static final String DATA_WRITE = "screening:data:write";
    static final String RUN = "screening:run:start";

    @Bean
    RouteRules screeningRouteRules() {
        return () -> List.of(get("/screening", Access.permission(FINDING_READ)),
                get("/screening/findings", Access.permission(FINDING_READ)),
                get("/screening/findings/chart", Access.permission(FINDING_READ)),
                get("/screening/findings/export", Access.permission(FINDING_READ)),
                get("/screening/findings/{id}", Access.permission(FINDING_READ)),
                post("/screening/findings/{id}/dismiss", Access.permission(FINDING_WRITE)),
                post("/screening/findings/{id}/problem", Access.permission(FINDING_WRITE)),
                get("/screening/cases/{id}", Access.permission(FINDING_READ)),
                get("/screening/imports", Access.permission(DATA_READ)),
                post("/screening/imports", Access.permission(DATA_WRITE)),
                get("/screening/imports/template.xlsx", Access.permission(DATA_READ)),
                get("/screening/imports/{id}", Access.permission(DATA_READ)),
                get("/screening/benchmark", Access.permission(DATA_READ)),
                post("/screening/benchmark", Access.permission(DATA_WRITE)),
                get("/screening/settings", Access.permission(DATA_READ)),
                post("/screening/settings/{key}", Access.permission(DATA_WRITE)),
                post("/screening/rules/{code}", Access.permission(DATA_WRITE)),
                get("/screening/runs", Access.permission(DATA_READ)), post("/screening/runs", Access.permission(RUN)));
    }

    @Bean
    NavItem screeningNav() {
        return new NavItem("nav.screening", "/screening/findings", FINDING_READ, 60, NavItem.SCREENING);
    }

}

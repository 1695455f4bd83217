package org.duban.regulation;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class RegulationRoutes {

    static final String READ = "regulation:rule:read";
    static final String WRITE = "regulation:rule:write";
    static final String ISSUE = "regulation:rule:issue";

    @Bean
    RouteRules regulationRouteRules() {
        return () -> List.of(get("/regulations", Access.permission(READ)),
                get("/regulations/new", Access.permission(WRITE)), post("/regulations", Access.permission(WRITE)),
                get("/regulations/{id}", Access.permission(READ)),
                get("/regulations/{id}/edit", Access.permission(WRITE)),
                post("/regulations/{id}", Access.permission(WRITE)),
                post("/regulations/{id}/issue", Access.permission(ISSUE)));
    }

    @Bean
    NavItem regulationsNav() {
        return new NavItem("nav.regulations", "/regulations", READ, 35, NavItem.CAMPAIGN);
    }

}

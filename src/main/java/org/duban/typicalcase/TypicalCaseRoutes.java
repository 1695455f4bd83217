package org.duban.typicalcase;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class TypicalCaseRoutes {

    static final String READ = "typicalcase:case:read";
    static final String WRITE = "typicalcase:case:write";
    static final String APPROVE = "typicalcase:case:approve";

    @Bean
    RouteRules typicalCaseRouteRules() {
        return () -> List.of(get("/public/typical-cases", Access.PUBLIC),
                get("/typical-cases", Access.permission(READ)), get("/typical-cases/new", Access.permission(WRITE)),
                post("/typical-cases", Access.permission(WRITE)), get("/typical-cases/{id}", Access.permission(READ)),
                get("/typical-cases/{id}/edit", Access.permission(WRITE)),
                post("/typical-cases/{id}", Access.permission(WRITE)),
                post("/typical-cases/{id}/approve", Access.permission(APPROVE)),
                post("/typical-cases/{id}/publish", Access.permission(WRITE)),
                post("/typical-cases/{id}/withdraw", Access.permission(WRITE)),
                get("/typical-cases/{id}/circular.docx", Access.permission(READ)));
    }

    @Bean
    NavItem typicalCasesNav() {
        return new NavItem("nav.typicalCases", "/typical-cases", READ, 34, NavItem.CAMPAIGN);
    }

}

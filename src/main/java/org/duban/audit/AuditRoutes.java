package org.duban.audit;

import org.duban.security.Access;
import org.duban.security.RouteRule;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class AuditRoutes {

    static final String READ = "audit:log:read";
    static final String VERIFY = "audit:log:verify";

    @Bean
    RouteRules auditRouteRules() {
        return () -> List.of(get("/audit", Access.permission(READ)), post("/audit/verify", Access.permission(VERIFY)));
    }

    @Bean
    NavItem auditNav() {
        return new NavItem("nav.audit", "/audit", READ, 90, NavItem.ADMIN);
    }

}

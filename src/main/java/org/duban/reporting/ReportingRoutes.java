package org.duban.reporting;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class ReportingRoutes {

    static final String DASHBOARD = "reporting:dashboard:read";
    static final String READ = "reporting:report:read";
    static final String WRITE = "reporting:report:write";
    static final String APPROVE = "reporting:report:approve";
    static final String RECEIVE = "reporting:report:receive";

    @Bean
    RouteRules reportingRouteRules() {
        return () -> List.of(get("/dashboard", Access.permission(DASHBOARD)),
                get("/dashboard/list", Access.permission(DASHBOARD)), get("/reports", Access.permission(READ)),
                get("/reports/inbox", Access.permission(RECEIVE)),
                // confidential like the accountability ledger it lists
                get("/reports/special/accountability.docx", Access.permission("ledger:accountability:read")),
                post("/reports", Access.permission(WRITE)), get("/reports/{id}", Access.permission(READ)),
                post("/reports/{id}", Access.permission(WRITE)),
                post("/reports/{id}/figures", Access.permission(WRITE)),
                post("/reports/{id}/approve", Access.permission(APPROVE)),
                post("/reports/{id}/decline", Access.permission(APPROVE)),
                post("/reports/{id}/submit", Access.permission(WRITE)),
                post("/reports/{id}/receive", Access.permission(RECEIVE)),
                post("/reports/{id}/return", Access.permission(RECEIVE)),
                get("/reports/{id}/preview", Access.permission(READ)),
                get("/reports/{id}/docx", Access.permission(READ)),
                get("/reports/{id}/problems.xlsx", Access.permission(READ)),
                get("/reports/{id}/tasks.xlsx", Access.permission(READ)));
    }

    @Bean
    NavItem dashboardNav() {
        return new NavItem("nav.dashboard", "/dashboard", DASHBOARD, 5, NavItem.WORKBENCH);
    }

    @Bean
    NavItem reportsNav() {
        return new NavItem("nav.reports", "/reports", READ, 60, NavItem.REPORTING);
    }

}

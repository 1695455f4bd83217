package org.duban.ledger;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class LedgerRoutes {

    static final String READ = "ledger:problem:read";
    static final String REGISTER = "ledger:problem:register";
    static final String ASSIGN = "ledger:problem:assign";
    static final String VERIFY = "ledger:problem:verify";
    static final String RECTIFY = "ledger:problem:rectify";
    static final String CHECK = "ledger:problem:check";
    static final String CLOSE = "ledger:problem:close";
    static final String IMPORT = "ledger:problem:import";
    static final String ACC_READ = "ledger:accountability:read";
    static final String ACC_WRITE = "ledger:accountability:write";
    static final String ACC_DECIDE = "ledger:accountability:decide";
    static final String REVIEW_READ = "ledger:review:read";
    static final String REVIEW_WRITE = "ledger:review:write";
    static final String REFERENCE = "ledger:reference:write";

    @Bean
    RouteRules ledgerRouteRules() {
        return () -> List.of(get("/problems", Access.permission(READ)),
                get("/problems/export", Access.permission(READ)), get("/problems/new", Access.permission(REGISTER)),
                get("/problems/lookup", Access.permission(READ)), post("/problems", Access.permission(REGISTER)),
                get("/problems/import", Access.permission(IMPORT)),
                get("/problems/import/template", Access.permission(IMPORT)),
                post("/problems/import", Access.permission(IMPORT)), get("/problems/{id}", Access.permission(READ)),
                get("/problems/{id}/files/{fileId}", Access.permission(READ)),
                post("/problems/{id}/assign", Access.permission(ASSIGN)),
                post("/problems/{id}/verify", Access.permission(VERIFY)),
                post("/problems/{id}/decide", Access.permission(VERIFY)),
                post("/problems/{id}/rectify", Access.permission(ASSIGN)),
                post("/problems/{id}/measures", Access.permission(RECTIFY)),
                post("/problems/{id}/evidence", Access.permission(RECTIFY)),
                post("/problems/{id}/rectified", Access.permission(RECTIFY)),
                post("/problems/{id}/check", Access.permission(CHECK)),
                post("/problems/{id}/signoff", Access.permission(CLOSE)),
                post("/problems/{id}/reopen", Access.permission(CLOSE)),
                get("/rectifications", Access.permission(READ)), get("/rectifications/export", Access.permission(READ)),
                get("/rectifications/{id}", Access.permission(READ)),
                get("/accountability", Access.permission(ACC_READ)),
                get("/accountability/export", Access.permission(ACC_READ)),
                get("/accountability/new", Access.permission(ACC_WRITE)),
                post("/accountability", Access.permission(ACC_WRITE)),
                get("/accountability/{id}", Access.permission(ACC_READ)),
                post("/accountability/{id}/decision", Access.permission(ACC_DECIDE)),
                get("/accountability/interviews", Access.permission(ACC_READ)),
                get("/accountability/interviews/export", Access.permission(ACC_READ)),
                get("/accountability/interviews/new", Access.permission(ACC_WRITE)),
                post("/accountability/interviews", Access.permission(ACC_WRITE)),
                get("/accountability/interviews/{id}", Access.permission(ACC_READ)),
                post("/problems/{id}/root-cause", Access.permission(VERIFY)),
                get("/reviews", Access.permission(REVIEW_READ)), post("/reviews", Access.permission(REVIEW_WRITE)),
                get("/reviews/export", Access.permission(REVIEW_READ)),
                get("/reviews/{id}", Access.permission(REVIEW_READ)),
                post("/reviews/{id}/problems", Access.permission(REVIEW_WRITE)),
                post("/reviews/{id}/problems/{problemId}", Access.permission(REVIEW_WRITE)),
                post("/reviews/{id}/complete", Access.permission(REVIEW_WRITE)),
                get("/admin/problem-items", Access.permission(REFERENCE)),
                post("/admin/problem-items", Access.permission(REFERENCE)),
                get("/admin/problem-items/{code}/edit", Access.permission(REFERENCE)),
                post("/admin/problem-items/{code}", Access.permission(REFERENCE)),
                post("/admin/problem-items/{code}/delete", Access.permission(REFERENCE)),
                get("/admin/holidays", Access.permission(REFERENCE)),
                post("/admin/holidays", Access.permission(REFERENCE)),
                post("/admin/holidays/import", Access.permission(REFERENCE)),
                get("/admin/holidays/import/template.xlsx", Access.permission(REFERENCE)),
                get("/admin/holidays/{day}/edit", Access.permission(REFERENCE)),
                post("/admin/holidays/{day}", Access.permission(REFERENCE)),
                post("/admin/holidays/{day}/delete", Access.permission(REFERENCE)));
    }

    @Bean
    NavItem problemsNav() {
        return new NavItem("nav.problems", "/problems", READ, 30, NavItem.LEDGER);
    }

    @Bean
    NavItem rectificationsNav() {
        return new NavItem("nav.rectifications", "/rectifications", READ, 31, NavItem.LEDGER);
    }

    @Bean
    NavItem accountabilityNav() {
        return new NavItem("nav.accountability", "/accountability", ACC_READ, 32, NavItem.LEDGER);
    }

    @Bean
    NavItem interviewsNav() {
        return new NavItem("nav.interviews", "/accountability/interviews", ACC_READ, 33, NavItem.LEDGER);
    }

    @Bean
    NavItem reviewsNav() {
        return new NavItem("nav.reviews", "/reviews", REVIEW_READ, 38, NavItem.LEDGER);
    }

    @Bean
    NavItem problemItemsNav() {
        return new NavItem("nav.problemItems", "/admin/problem-items", REFERENCE, 85, NavItem.ADMIN);
    }

    @Bean
    NavItem holidaysNav() {
        return new NavItem("nav.holidays", "/admin/holidays", REFERENCE, 86, NavItem.ADMIN);
    }

}

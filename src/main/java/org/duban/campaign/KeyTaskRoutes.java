package org.duban.campaign;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class KeyTaskRoutes {

    static final String READ = "keytask:task:read";
    static final String WRITE = "keytask:task:write";
    static final String PROGRESS = "keytask:task:progress";

    /**
     * The leading group's acceptance; a task may name another acceptor, so the route asks
     * only for READ.
     */
    static final String ACCEPT = "keytask:task:accept";

    @Bean
    RouteRules keyTaskRouteRules() {
        return () -> List.of(get("/tasks", Access.permission(READ)), get("/tasks/export", Access.permission(READ)),
                get("/tasks/import", Access.permission(WRITE)), post("/tasks/import", Access.permission(WRITE)),
                get("/tasks/import/template.xlsx", Access.permission(WRITE)),
                get("/tasks/new", Access.permission(WRITE)), post("/tasks", Access.permission(WRITE)),
                get("/tasks/{id}", Access.permission(READ)), get("/tasks/{id}/edit", Access.permission(WRITE)),
                post("/tasks/{id}", Access.permission(WRITE)),
                post("/tasks/{id}/progress", Access.permission(PROGRESS)),
                post("/tasks/{id}/acceptance", Access.permission(READ)),
                get("/tasks/{id}/files/{fileId}", Access.permission(READ)));
    }

    @Bean
    NavItem keyTasksNav() {
        return new NavItem("nav.tasks", "/tasks", READ, 20, NavItem.CAMPAIGN);
    }

}

package org.duban.inspection;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class InspectionRoutes {

    static final String READ = "inspection:inspection:read";
    static final String WRITE = "inspection:inspection:write";
    static final String DRAW_READ = "inspection:draw:read";
    static final String DRAW_WRITE = "inspection:draw:write";

    @Bean
    RouteRules inspectionRouteRules() {
        return () -> List.of(get("/inspections", Access.permission(READ)),
                get("/inspections/export", Access.permission(READ)), get("/inspections/new", Access.permission(WRITE)),
                post("/inspections", Access.permission(WRITE)), get("/inspections/{id}", Access.permission(READ)),
                post("/inspections/{id}/checks", Access.permission(WRITE)),
                post("/inspections/{id}/findings", Access.permission(WRITE)),
                post("/inspections/{id}/findings/{findingId}/problem", Access.permission(WRITE)),
                post("/inspections/{id}/findings/{findingId}/evidence", Access.permission(WRITE)),
                get("/inspections/{id}/findings/{findingId}/evidence/{fileId}", Access.permission(READ)),
                post("/inspections/{id}/close", Access.permission(WRITE)), get("/draws", Access.permission(DRAW_READ)),
                get("/draws/new", Access.permission(DRAW_WRITE)), post("/draws", Access.permission(DRAW_WRITE)),
                get("/draws/export", Access.permission(DRAW_READ)),
                get("/draws/conflicts", Access.permission(DRAW_READ)),
                post("/draws/conflicts", Access.permission(DRAW_WRITE)),
                get("/draws/{id}", Access.permission(DRAW_READ)),
                get("/draws/{id}/snapshot.csv", Access.permission(DRAW_READ)),
                post("/draws/{id}/draw", Access.permission(DRAW_WRITE)),
                post("/draws/{id}/publish", Access.permission(DRAW_WRITE)),
                post("/draws/{id}/inspection", Access.permission(WRITE)), get("/public/draws", Access.PUBLIC),
                get("/public/draws/verify", Access.PUBLIC), post("/public/draws/verify", Access.PUBLIC),
                get("/public/draws/{id}", Access.PUBLIC), get("/public/draws/{id}/snapshot.csv", Access.PUBLIC),
                get("/public/draws/{id}/verify", Access.PUBLIC));
    }

    @Bean
    NavItem inspectionsNav() {
        return new NavItem("nav.inspections", "/inspections", READ, 40, NavItem.INSPECTION);
    }

    @Bean
    NavItem drawsNav() {
        return new NavItem("nav.draws", "/draws", DRAW_READ, 41, NavItem.INSPECTION);
    }

}

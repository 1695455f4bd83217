package org.duban.training;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class TrainingRoutes {

    static final String READ = "training:session:read";
    static final String WRITE = "training:session:write";

    @Bean
    RouteRules trainingRouteRules() {
        return () -> List.of(get("/trainings", Access.permission(READ)),
                get("/trainings/new", Access.permission(WRITE)), post("/trainings", Access.permission(WRITE)),
                get("/trainings/{id}", Access.permission(READ)),
                post("/trainings/{id}/attendance", Access.permission(WRITE)),
                post("/trainings/{id}/sign-in-sheet", Access.permission(WRITE)),
                post("/trainings/{id}/cancel", Access.permission(WRITE)));
    }

    @Bean
    NavItem trainingsNav() {
        return new NavItem("nav.trainings", "/trainings", READ, 36, NavItem.CAMPAIGN);
    }

}

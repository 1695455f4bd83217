package org.duban.handdown;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class HandDownRoutes {

    @Bean
    RouteRules handDownRouteRules() {
        return () -> List.of(get("/handdowns", Access.permission(HandDowns.READ)),
                get("/handdowns/new", Access.permission(HandDowns.ISSUE)),
                post("/handdowns", Access.permission(HandDowns.ISSUE)),
                get("/handdowns/{id}", Access.permission(HandDowns.READ)),
                post("/handdowns/{id}/report", Access.permission(HandDowns.REPORT)),
                post("/handdowns/{id}/decision", Access.permission(HandDowns.DECIDE)),
                get("/handdowns/{id}/files/{fileId}", Access.permission(HandDowns.READ)));
    }

    @Bean
    NavItem handDownsNav() {
        return new NavItem("nav.handdowns", "/handdowns", HandDowns.READ, 21, NavItem.CAMPAIGN);
    }

}

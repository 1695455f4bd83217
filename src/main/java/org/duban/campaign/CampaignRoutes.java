package org.duban.campaign;

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
class CampaignRoutes {

    static final String READ = "campaign:campaign:read";
    static final String WRITE = "campaign:campaign:write";
    static final String GROUP_WRITE = "campaign:group:write";

    @Bean
    RouteRules campaignRouteRules() {
        return () -> List.of(get("/", Access.SIGNED_IN), get("/campaigns", Access.permission(READ)),
                get("/campaigns/new", Access.permission(WRITE)),
                get("/campaigns/public-notice", Access.permission(WRITE)),
                post("/campaigns/public-notice", Access.permission(WRITE)),
                post("/campaigns", Access.permission(WRITE)), get("/campaigns/{id}", Access.permission(READ)),
                get("/campaigns/{id}/edit", Access.permission(WRITE)),
                post("/campaigns/{id}", Access.permission(WRITE)),
                post("/campaigns/{id}/phases", Access.permission(WRITE)),
                post("/campaigns/{id}/groups", Access.permission(GROUP_WRITE)),
                post("/campaigns/{id}/members", Access.permission(GROUP_WRITE)),
                post("/campaigns/{id}/members/{memberId}/delete", Access.permission(GROUP_WRITE)),
                get("/campaigns/{id}/roster", Access.permission(READ)),
                get("/campaigns/{id}/roster.xlsx", Access.permission(READ)));
    }

    @Bean
    NavItem campaignsNav() {
        return new NavItem("nav.campaigns", "/campaigns", READ, 10, NavItem.CAMPAIGN);
    }

}

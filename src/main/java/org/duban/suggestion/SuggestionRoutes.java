package org.duban.suggestion;

import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

@Configuration(proxyBeanMethods = false)
class SuggestionRoutes {

    static final String SUBMIT = "suggestion:box:submit";
    static final String READ = "suggestion:box:read";
    static final String ANSWER = "suggestion:box:answer";

    /**
     * The list and a suggestion are open to every signed-in user: the service shows only
     * their own or, to readers, their scope's. The export is the readers' register (it
     * comes before {id}: the first rule that matches decides).
     */
    @Bean
    RouteRules suggestionRouteRules() {
        return () -> List.of(get("/suggestions", Access.SIGNED_IN), get("/suggestions/new", Access.permission(SUBMIT)),
                post("/suggestions", Access.permission(SUBMIT)), get("/suggestions/export", Access.permission(READ)),
                get("/suggestions/{id}", Access.SIGNED_IN),
                post("/suggestions/{id}/answer", Access.permission(ANSWER)));
    }

    @Bean
    NavItem suggestionsNav() {
        return new NavItem("nav.suggestions", "/suggestions", SUBMIT, 37, NavItem.CAMPAIGN);
    }

}

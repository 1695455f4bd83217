package org.duban.security;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, checked: every handler the application serves must be covered by an
 * explicit rule of some module's {@link RouteRules}. A new controller without a rule
 * fails this test (and is denied at run time).
 */
@DubanTest
class RouteInventoryTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    List<RouteRules> declarations;

    @Test
    void everyHandlerHasAnExplicitRule() {
        List<RouteRule> rules = declarations.stream().flatMap(d -> d.rules().stream()).toList();
        List<String> uncovered = new ArrayList<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> checked = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : checked) {
                    boolean covered = rules.stream()
                        .anyMatch(rule -> rule.method().equals(HttpMethod.valueOf(method.name()))
                                && matches(rule.pattern(), path));
                    if (!covered) {
                        uncovered.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(uncovered).as("handlers without an explicit security rule").isEmpty();
    }

    @Test
    void rulesNameOnlyKnownPermissionShapes() {
        declarations.stream()
            .flatMap(d -> d.rules().stream())
            .map(RouteRule::access)
            .filter(Access.Permission.class::isInstance)
            .map(a -> ((Access.Permission) a).code())
            .forEach(code -> assertThat(code).matches("[a-z]+:[a-z-]+:[a-z-]+"));
    }

    private static boolean matches(String rulePattern, String handlerPath) {
        PathPattern pattern = PathPatternParser.defaultInstance.parse(rulePattern);
        return rulePattern.equals(handlerPath)
                || pattern.matches(org.springframework.http.server.PathContainer.parsePath(handlerPath));
    }

}

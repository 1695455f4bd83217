package org.duban.organization;

import org.duban.security.Access;
import org.duban.security.RouteRule;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/**
 * The administration pages for units, staff and roles: reading and writing are separate
 * permissions.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationRoutes {

    static final String UNIT_READ = "organization:unit:read";
    static final String UNIT_WRITE = "organization:unit:write";
    static final String STAFF_READ = "organization:staff:read";
    static final String STAFF_WRITE = "organization:staff:write";
    static final String ROLE_READ = "organization:role:read";
    static final String ROLE_WRITE = "organization:role:write";

    @Bean
    RouteRules organizationRouteRules() {
        return () -> List.of(get("/admin/units", Access.permission(UNIT_READ)),
                get("/admin/units/new", Access.permission(UNIT_WRITE)),
                post("/admin/units", Access.permission(UNIT_WRITE)),
                get("/admin/units/{id}/edit", Access.permission(UNIT_WRITE)),
                post("/admin/units/{id}", Access.permission(UNIT_WRITE)),
                get("/admin/staff", Access.permission(STAFF_READ)),
                get("/admin/staff/new", Access.permission(STAFF_WRITE)),
                post("/admin/staff", Access.permission(STAFF_WRITE)),
                get("/admin/staff/import", Access.permission(STAFF_WRITE)),
                post("/admin/staff/import", Access.permission(STAFF_WRITE)),
                get("/admin/staff/import/template.xlsx", Access.permission(STAFF_WRITE)),
                get("/admin/staff/{id}/edit", Access.permission(STAFF_WRITE)),
                post("/admin/staff/{id}", Access.permission(STAFF_WRITE)),
                get("/admin/roles", Access.permission(ROLE_READ)),
                get("/admin/roles/{code}/edit", Access.permission(ROLE_WRITE)),
                post("/admin/roles/{code}", Access.permission(ROLE_WRITE)));
    }

    @Bean
    NavItem unitsNav() {
        return new NavItem("nav.units", "/admin/units", UNIT_READ, 80, NavItem.ADMIN);
    }

    @Bean
    NavItem staffNav() {
        return new NavItem("nav.staff", "/admin/staff", STAFF_READ, 81, NavItem.ADMIN);
    }

    @Bean
    NavItem rolesNav() {
        return new NavItem("nav.roles", "/admin/roles", ROLE_READ, 82, NavItem.ADMIN);
    }

}

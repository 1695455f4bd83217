package org.duban.security;

import org.springframework.http.HttpMethod;

/**
 * One explicit rule of the filter chain: method and path pattern, and who may call it.
 */
public record RouteRule(HttpMethod method, String pattern, Access access) {

    public static RouteRule get(String pattern, Access access) {
        return new RouteRule(HttpMethod.GET, pattern, access);
    }

    public static RouteRule post(String pattern, Access access) {
        return new RouteRule(HttpMethod.POST, pattern, access);
    }
}

package org.duban.security;

import java.util.List;

/**
 * Each module declares the routes it serves. The filter chain is built from all
 * declarations and ends with {@code denyAll()}; a route-inventory test fails for any
 * handler that no declaration covers.
 */
public interface RouteRules {

    List<RouteRule> rules();

}

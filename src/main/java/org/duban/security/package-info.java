/**
 * Login, password policy, permission codes and the current user. Modules declare the
 * routes they serve and the permission each needs as
 * {@link org.duban.security.RouteRules}; everything not declared is denied.
 */
package org.duban.security;

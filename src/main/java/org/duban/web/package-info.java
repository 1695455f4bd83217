/**
 * Layout, navigation, error pages, htmx helpers and i18n. Modules contribute navigation
 * entries as {@link org.duban.web.NavItem} beans; this package depends on no business
 * module.
 */
package org.duban.web;

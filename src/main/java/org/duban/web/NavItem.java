package org.duban.web;

/** One entry of the main navigation, shown only to users holding {@code permission} (null: every signed-in user). */
public record NavItem(String labelKey, String path, String permission, int order) {
}

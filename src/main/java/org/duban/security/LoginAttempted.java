package org.duban.security;

/**
 * A login succeeded or failed; the audit trail records both. The client address is
 * deliberately not carried.
 */
public record LoginAttempted(String login, boolean succeeded) {
}

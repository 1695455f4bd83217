package org.duban.security;

/**
 * An account's rights or credentials changed (roles, permissions of one of its roles,
 * unit, password, enabled). Published inside the transaction of the change;
 * {@link SignedInSessions} applies it to the open sessions once the change is committed.
 *
 * @param login the account's login (as its sessions are indexed)
 * @param credentialsChanged the password changed or the account was disabled: its
 * sessions end (all but the one making the change, when a user changes their own
 * password)
 */
public record AccountChanged(String login, boolean credentialsChanged) {
}

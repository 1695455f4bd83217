/**
 * The signed-in staff member's own account page and their second factor: TOTP (RFC 6238)
 * enrolment with a QR code, recovery codes, the second step of signing in (required for
 * administrators, optional for everyone else), and an administrator's reset of another
 * account's factor. The session side of the two steps is the security module's
 * {@link org.duban.security.SignIn}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.duban.account;

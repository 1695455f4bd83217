/**
 * In-app notifications (站内信): any module sends a message to a staff member through {@link
 * org.duban.notification.Notifications#send}; each user reads their own inbox at {@code /notifications}.
 * Sending is idempotent per dedup key, so daily reminder jobs may run again without duplicating messages.
 * Email is not implemented (no mail dependency on main); see docs/ledger.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.duban.notification;

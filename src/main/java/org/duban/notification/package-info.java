/**
 * In-app notifications (站内信): any module sends a message to a staff member through
 * {@link org.duban.notification.Notifications#send}; each user reads their own inbox at
 * {@code /notifications}. Sending is idempotent per dedup key, so daily reminder jobs may
 * run again without duplicating messages. Reminders sent through
 * {@link org.duban.notification.Notifications#sendWithEmail} also go out by email when
 * {@code duban.mail.enabled=true} and an SMTP server is configured (off by default); see
 * docs/ledger.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.duban.notification;

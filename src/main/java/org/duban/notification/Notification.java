package org.duban.notification;

import java.time.Instant;
import java.util.UUID;

/** A message in a staff member's inbox. */
public record Notification(UUID id, UUID recipientId, String title, String body, String link, Instant createdAt,
                           Instant readAt) {

    /** When it was sent, on the bureau's clock. */
    public java.time.LocalDateTime sentAt() {
        return java.time.LocalDateTime.ofInstant(createdAt, java.time.ZoneId.of("Asia/Shanghai"));
    }

    public boolean unread() {
        return readAt == null;
    }
}

package org.duban.notification;

import java.time.Instant;
import java.util.UUID;

/** A message in a staff member's inbox. */
public record Notification(UUID id, UUID recipientId, String title, String body, String link, Instant createdAt,
        Instant readAt) {

    /**
     * When it was sent; templates show it on the bureau's clock
     * ({@code @bureauClock.minutes(n.sentAt())}).
     */
    public Instant sentAt() {
        return createdAt;
    }

    public boolean unread() {
        return readAt == null;
    }
}

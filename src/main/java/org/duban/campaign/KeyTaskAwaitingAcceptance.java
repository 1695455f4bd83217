package org.duban.campaign;

import java.util.UUID;

/**
 * A key task reached 100 % and now waits for acceptance by the leading group, or by
 * {@code acceptorLogin} when the task names one. Hands work to the acceptor (for the
 * to-do list).
 */
public record KeyTaskAwaitingAcceptance(UUID eventId, UUID taskId, String title, UUID ownerUnitId,
        String acceptorLogin) {
}

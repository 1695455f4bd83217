package org.duban.campaign;

import java.util.UUID;

/**
 * The acceptor returned a key task with reasons; it is back with its owner unit (for the
 * to-do list).
 */
public record KeyTaskReturned(UUID taskId, String title, UUID ownerUnitId, String reasons, String returnedBy) {
}

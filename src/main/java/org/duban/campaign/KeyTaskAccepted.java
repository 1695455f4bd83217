package org.duban.campaign;

import java.util.UUID;

/**
 * A key task was accepted (by its acceptor, or by the submission of the report that
 * fulfils it).
 */
public record KeyTaskAccepted(UUID taskId, String title, UUID ownerUnitId, String acceptedBy) {
}

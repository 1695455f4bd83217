package org.duban.ledger;

import java.util.UUID;

/**
 * The work team proposed how to handle a case; the leading group now decides it (for the
 * to-do list).
 */
public record AccountabilityProposed(UUID eventId, UUID caseId, UUID unitId, AccountabilityKind proposedKind) {
}

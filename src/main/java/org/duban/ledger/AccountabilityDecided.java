package org.duban.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * The leading group decided a case the work team had proposed
 * ({@link AccountabilityProposed}): the proposal leaves the leaders' desk and the
 * decision goes back to the work team that follows it up. Published in the transaction of
 * the decision; carries no person's name and no grounds (the registry stores events in
 * clear).
 *
 * @param unitId the unit the case concerns
 * @param proposedKind what the work team proposed
 * @param decidedKind what the leading group decided
 */
public record AccountabilityDecided(UUID eventId, UUID caseId, UUID problemId, UUID unitId,
        AccountabilityKind proposedKind, AccountabilityKind decidedKind, String actor, Instant at) {
}

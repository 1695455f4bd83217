package org.duban.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A problem changed status: the hand-over that puts it on another desk (assigned,
 * verification started, confirmed or dismissed, rectification started, reported
 * rectified, check passed or failed, signed off, reopened). Published in the transaction
 * of the change and recorded by the event publication registry, so a listener in another
 * module receives it after the commit, and again after a restart if it had not completed.
 *
 * @param action the action of {@link Problem.Change} ("assign", "check.failed", "reopen",
 * …)
 * @param unitId the unit the problem was found in (its scope)
 * @param assignedUnitId the unit it is assigned to, if any
 * @param responsibleUnitId the unit responsible for the rectification, if one is planned
 */
public record ProblemTransitioned(UUID eventId, UUID problemId, String reference, String action, ProblemStatus from,
        ProblemStatus to, UUID unitId, UUID assignedUnitId, UUID responsibleUnitId, boolean confidential, String actor,
        Instant at) {
}

package org.duban.ledger;

import java.util.UUID;

/**
 * What other modules may know about a problem they handed over: enough to link to it and
 * show its progress, nothing confidential.
 *
 * @param reference the human reference number (e.g. DB-2023-00042)
 */
public record ProblemRef(UUID id, String reference, ProblemStatus status, UUID campaignId, UUID unitId,
        ProblemSource source, String sourceRef) {
}

package org.duban.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem to register in the ledger, as other modules hand it over ("turn into a
 * problem" from a complaint, an inspection finding or a screening finding).
 *
 * @param sourceRef the id of the complaint, finding or screening finding it came from
 * (links both ways)
 * @param itemCode a problem item of the category, or null when not yet classified
 * @param officers officers concerned (names or certificate numbers), free text; makes the
 * entry confidential
 * @param confidential clues about officers are need-to-know
 */
public record NewProblem(UUID campaignId, ProblemSource source, String sourceRef, ProblemCategory category,
        String itemCode, UUID unitId, String officers, String description, LocalDate foundOn, boolean confidential,
        String location) {

    /** Without a place (complaints, findings, screening hand-overs, imports). */
    public NewProblem(UUID campaignId, ProblemSource source, String sourceRef, ProblemCategory category,
            String itemCode, UUID unitId, String officers, String description, LocalDate foundOn,
            boolean confidential) {
        this(campaignId, source, sourceRef, category, itemCode, unitId, officers, description, foundOn, confidential,
                null);
    }

}

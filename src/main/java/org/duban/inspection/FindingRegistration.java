package org.duban.inspection;

import org.duban.organization.DataScope;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Turns a finding into a ledger problem (source = the inspection's type) and links both ways: the ledger keeps
 * the finding id as the problem's source reference, the finding keeps the problem id.
 */
@Service
class FindingRegistration {

    private final Inspections inspections;

    FindingRegistration(Inspections inspections) {
        this.inspections = inspections;
    }

    /** Whether the ledger can take problems in this build. */
    boolean available() {
        return false;
    }

    void register(UUID inspectionId, UUID findingId, DataScope scope) {
        throw new BusinessRuleViolation("inspection.finding.ledgerUnavailable");
    }
}

package org.duban.complaint;

import org.duban.ledger.ProblemSource;
import org.duban.ledger.ProblemSourceLink;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A problem registered from a complaint links back to {@code /complaints/{id}} for users
 * who may read it.
 */
@Component
class ComplaintSourceLink implements ProblemSourceLink {

    private final Complaints complaints;

    private final OrgUnits units;

    ComplaintSourceLink(Complaints complaints, OrgUnits units) {
        this.complaints = complaints;
        this.units = units;
    }

    @Override
    public Optional<String> pathFor(ProblemSource source, String sourceRef) {
        if (source != ProblemSource.COMPLAINT || !CurrentUser.require().can(ComplaintRoutes.READ)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(sourceRef.trim());
            complaints.get(id, units.currentScope());
            return Optional.of("/complaints/" + id);
        }
        catch (IllegalArgumentException | NotFoundException notAComplaintOrNotVisible) {
            return Optional.empty();
        }
    }

}

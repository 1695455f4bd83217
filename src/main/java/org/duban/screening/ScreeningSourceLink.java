package org.duban.screening;

import org.duban.ledger.ProblemSource;
import org.duban.ledger.ProblemSourceLink;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A problem handed over from a risk-screening finding (its source reference is the
 * finding's id) links back to {@code /screening/findings/{id}} for users who may read
 * that finding (scope and need-to-know, as on its page).
 */
@Component
class ScreeningSourceLink implements ProblemSourceLink {

    private final Findings findings;

    private final OrgUnits units;

    ScreeningSourceLink(Findings findings, OrgUnits units) {
        this.findings = findings;
        this.units = units;
    }

    @Override
    public Optional<String> pathFor(ProblemSource source, String sourceRef) {
        DubanUser me = CurrentUser.require();
        if (source != ProblemSource.RISK_SCREENING || !me.can(ScreeningRoutes.FINDING_READ)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(sourceRef.trim());
            findings.get(id, Findings.Reader.of(me, units.currentScope()));
            return Optional.of("/screening/findings/" + id);
        }
        catch (IllegalArgumentException | NotFoundException notAFindingOrNotVisible) {
            return Optional.empty();
        }
    }

}

package org.duban.inspection;

import org.duban.ledger.ProblemSource;
import org.duban.ledger.ProblemSourceLink;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * A problem registered from an inspection finding (its source reference is the finding's
 * id) links back to the inspection's page, for users who may read that inspection (scope,
 * and unannounced visits' confidentiality).
 */
@Component
class InspectionSourceLink implements ProblemSourceLink {

    private final JdbcClient jdbc;

    private final Inspections inspections;

    private final OrgUnits units;

    InspectionSourceLink(JdbcClient jdbc, Inspections inspections, OrgUnits units) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.units = units;
    }

    @Override
    public Optional<String> pathFor(ProblemSource source, String sourceRef) {
        boolean fromInspections = Arrays.stream(InspectionType.values()).anyMatch(t -> t.problemSource() == source);
        if (!fromInspections || !CurrentUser.require().can(InspectionRoutes.READ)) {
            return Optional.empty();
        }
        try {
            UUID findingId = UUID.fromString(sourceRef.trim());
            Optional<UUID> inspection = jdbc.sql("select inspection_id from inspection_finding where id = :id")
                .param("id", findingId)
                .query(UUID.class)
                .optional();
            if (inspection.isEmpty()) {
                return Optional.empty();
            }
            inspections.get(inspection.get(), units.currentScope());
            return Optional.of("/inspections/" + inspection.get());
        }
        catch (IllegalArgumentException | NotFoundException notAFindingOrNotVisible) {
            return Optional.empty();
        }
    }

}

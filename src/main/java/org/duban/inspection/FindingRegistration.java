package org.duban.inspection;

import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemRef;
import org.duban.ledger.Problems;
import org.duban.organization.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * Turns a finding into a ledger problem (source = the inspection's type) and links both
 * ways: the ledger keeps the finding id as the problem's source reference, the finding
 * keeps the problem id.
 * <p>
 * The unit concerned is the unit of the target the finding names (by its label), else of
 * the inspection's first target with a unit, else the inspecting unit. A finding about an
 * officer names them, which makes the problem confidential in the ledger; so does a
 * finding of an unannounced visit that is not closed yet. The checklist item code is not
 * passed as the ledger's item code (the ledger has its own item list); the problem stays
 * unclassified until the ledger's users classify it.
 */
@Service
class FindingRegistration {

    private final Inspections inspections;

    private final Problems problems;

    FindingRegistration(Inspections inspections, Problems problems) {
        this.inspections = inspections;
        this.problems = problems;
    }

    boolean available() {
        return true;
    }

    @Transactional
    UUID register(UUID inspectionId, UUID findingId, DataScope scope) {
        Inspection inspection = inspections.get(inspectionId, scope);
        Inspection.Finding finding = inspection.findingToRegister(findingId);
        Optional<Inspection.Target> named = inspection.targets()
            .stream()
            .filter(t -> t.label().equals(finding.targetLabel()))
            .findFirst();
        UUID unitId = named.map(Inspection.Target::unitId)
            .or(() -> inspection.targets().stream().map(Inspection.Target::unitId).filter(u -> u != null).findFirst())
            .orElse(inspection.ownerUnitId());
        String officers = named.filter(t -> t.subjectType().equals("STAFF")).map(Inspection.Target::label).orElse(null);
        String description = finding.description() + "\n\n" + finding.evidence();
        UUID problemId = problems.register(new NewProblem(inspection.campaignId(), inspection.type().problemSource(),
                findingId.toString(), ProblemCategory.valueOf(finding.category()), null, unitId, officers, description,
                finding.foundOn(), inspection.confidential()));
        inspections.linkProblem(inspectionId, findingId, problemId);
        return problemId;
    }

    Optional<ProblemRef> problem(UUID problemId) {
        return problemId == null ? Optional.empty() : problems.find(problemId);
    }

}

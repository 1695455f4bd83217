package org.duban.screening;

import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.Problems;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * "Turn into a problem": registers a finding in the ledger (source RISK_SCREENING, the
 * finding's id as source reference) and marks the finding, in one transaction. Findings
 * naming an officer become confidential clues.
 */
@Service
class ProblemHandover {

    private final Problems problems;

    private final Findings findings;

    ProblemHandover(Problems problems, Findings findings) {
        this.problems = problems;
        this.findings = findings;
    }

    boolean available() {
        return true;
    }

    @Transactional
    public UUID turnIntoProblem(Findings.Finding f, String explanation, long version, Findings.Reader reader) {
        if (f.unitId() == null) {
            throw new BusinessRuleViolation("screening.finding.noUnit");
        }
        if (!f.status().equals("OPEN")) {
            throw new BusinessRuleViolation("screening.finding.notOpen");
        }
        UUID id = problems.register(new NewProblem(null, ProblemSource.RISK_SCREENING, f.id().toString(),
                ProblemCategory.valueOf(f.category()), null, f.unitId(), f.officer(), explanation, null,
                f.aboutOfficer()));
        String reference = problems.find(id).map(p -> p.reference()).orElse(id.toString());
        findings.markProblem(f.id(), reference, version, reader);
        return id;
    }

}

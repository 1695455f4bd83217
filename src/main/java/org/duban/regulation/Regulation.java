package org.duban.regulation;

import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rule or mechanism of the campaign and its small life cycle: edited while drafted,
 * issued once with a number and a date. A revision or repeal names the rule it revises or
 * repeals.
 */
public record Regulation(UUID id, UUID unitId, String title, RegulationKind kind, String predecessor, String summary,
        String documentNumber, LocalDate issuedOn, RegulationStatus status, List<String> problems,
        List<String> benchmarkEntries, long version, String createdBy, Instant createdAt) {

    /** Checks a draft's content (also on creation). */
    static void check(RegulationKind kind, String predecessor) {
        if (kind != RegulationKind.NEW && (predecessor == null || predecessor.isBlank())) {
            throw new BusinessRuleViolation("regulation.predecessorRequired");
        }
    }

    public void edit() {
        if (status != RegulationStatus.DRAFTING) {
            throw new BusinessRuleViolation("regulation.transition.issued");
        }
    }

    /** 印发: once, with the document number and a date not in the future. */
    public RegulationStatus issue(String number, LocalDate on, LocalDate today) {
        if (status != RegulationStatus.DRAFTING) {
            throw new BusinessRuleViolation("regulation.transition.issued");
        }
        if (number == null || number.isBlank()) {
            throw new BusinessRuleViolation("regulation.issue.numberRequired");
        }
        if (on == null) {
            throw new BusinessRuleViolation("regulation.issue.dateRequired");
        }
        if (on.isAfter(today)) {
            throw new BusinessRuleViolation("regulation.issue.futureDate");
        }
        check(kind, predecessor);
        return RegulationStatus.ISSUED;
    }
}

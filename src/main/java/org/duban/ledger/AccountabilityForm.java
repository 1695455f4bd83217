package org.duban.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The work team's proposal (问责建议): the problem by its reference number, whom it concerns
 * (a person, or a unit as a whole), the proposed handling and the facts behind it. The
 * leading group decides ({@link DecisionForm}).
 */
public record AccountabilityForm(@NotBlank @Size(max = 30) String problemReference,
        @NotNull AccountabilitySubject subject, @Size(max = 50) String person, @NotNull UUID unitId,
        @NotNull AccountabilityKind proposedKind, @NotBlank @Size(max = 4000) String proposal) {

    /**
     * The leading group's decision on a proposal, with the meeting that took it and its
     * date.
     */
    public record DecisionForm(@NotNull AccountabilityKind kind, @Size(max = 4000) String grounds,
            @Size(max = 100) String meeting,
            @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate decidedOn,
            Long version) {
    }
}

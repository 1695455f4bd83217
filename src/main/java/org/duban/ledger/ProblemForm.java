package org.duban.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/** The registration form of a problem (登记问题线索). */
public record ProblemForm(UUID campaignId, @NotNull ProblemSource source, @Size(max = 100) String sourceRef,
        @NotNull ProblemCategory category, String itemCode, @NotNull UUID unitId, @Size(max = 500) String officers,
        @NotBlank @Size(max = 4000) String description,
        @NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn, Boolean confidential,
        @Size(max = 200) String location) {

    /** Without a place: the forms and imports that have no field for it. */
    public ProblemForm(UUID campaignId, ProblemSource source, String sourceRef, ProblemCategory category,
            String itemCode, UUID unitId, String officers, String description, LocalDate foundOn,
            Boolean confidential) {
        this(campaignId, source, sourceRef, category, itemCode, unitId, officers, description, foundOn, confidential,
                null);
    }

    NewProblem toNewProblem() {
        return new NewProblem(campaignId, source, sourceRef, category,
                itemCode == null || itemCode.isBlank() ? null : itemCode, unitId, officers, description, foundOn,
                Boolean.TRUE.equals(confidential), location);
    }
}

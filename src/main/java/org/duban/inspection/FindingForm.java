package org.duban.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.duban.ledger.ProblemCategory;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * A finding with its evidence (what was seen, photographs and recordings by their
 * reference numbers).
 */
public record FindingForm(@Size(max = 40) String itemCode, @NotNull ProblemCategory category,
        @Size(max = 300) String targetLabel, @NotBlank @Size(max = 5000) String description,
        @NotBlank @Size(max = 5000) String evidence,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn, Long version) {
}

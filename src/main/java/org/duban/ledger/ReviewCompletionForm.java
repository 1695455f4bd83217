package org.duban.ledger;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The day a round was completed (not after today). */
record ReviewCompletionForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn) {

    static ReviewCompletionForm empty() {
        return new ReviewCompletionForm(null);
    }

}

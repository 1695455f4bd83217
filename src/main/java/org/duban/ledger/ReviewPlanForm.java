package org.duban.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A 回头看 round to plan: its title, day and organising unit (checked against the scope by
 * {@link ReviewRounds#plan}).
 */
record ReviewPlanForm(@NotBlank @Size(max = 200) String title,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn, @NotNull UUID unitId) {

    static ReviewPlanForm empty() {
        return new ReviewPlanForm(null, null, null);
    }

}

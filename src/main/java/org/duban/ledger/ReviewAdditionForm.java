package org.duban.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A closed problem to look at again in a round, by the number users see (found within the
 * scope by {@link ReviewRounds#add}).
 */
record ReviewAdditionForm(@NotBlank @Size(max = 30) String reference) {

    static ReviewAdditionForm empty() {
        return new ReviewAdditionForm(null);
    }

}

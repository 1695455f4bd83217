package org.duban.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A problem item as an administrator adds or edits it. The code is the category's code, a
 * dot and {@code suffix}; category and code are fixed once added.
 */
public record ProblemItemForm(@NotNull ProblemCategory category,
        @Size(max = 30) @Pattern(regexp = "^[A-Z0-9_]*$", message = "{item.suffix.invalid}") String suffix,
        @NotBlank @Size(max = 200) String name, @Min(0) @Max(9999) int sort, Boolean active, Long version) {

    public static ProblemItemForm empty() {
        return new ProblemItemForm(null, "", "", 100, true, null);
    }

    /** An unticked box sends nothing: not active. */
    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }

    public static ProblemItemForm of(ReferenceData.Item item) {
        return new ProblemItemForm(item.category(), item.code().substring(item.code().indexOf('.') + 1), item.name(),
                item.sort(), item.active(), item.version());
    }
}

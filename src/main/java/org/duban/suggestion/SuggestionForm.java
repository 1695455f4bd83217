package org.duban.suggestion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A suggestion as written: topic, text, and whether to give it anonymously. */
public record SuggestionForm(@NotNull SuggestionTopic topic, @NotBlank @Size(max = 4000) String text,
        Boolean anonymous) {

    /** Unticked, the checkbox sends nothing: named. */
    public boolean anonymousOrNot() {
        return Boolean.TRUE.equals(anonymous);
    }
}

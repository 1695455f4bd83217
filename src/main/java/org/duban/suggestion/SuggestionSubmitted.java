package org.duban.suggestion;

import java.util.UUID;

/** A suggestion waits for the work team's answer (for the to-do list). */
public record SuggestionSubmitted(UUID suggestionId, UUID unitId) {
}

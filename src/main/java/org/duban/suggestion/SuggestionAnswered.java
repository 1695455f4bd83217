package org.duban.suggestion;

import java.util.UUID;

/**
 * The work team answered a suggestion; its named author (null when anonymous) may be
 * told.
 */
public record SuggestionAnswered(UUID suggestionId, UUID authorId) {
}

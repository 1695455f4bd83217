package org.duban.suggestion;

import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.util.UUID;

/**
 * A suggestion; answered once, with a text. The author is null when it was given
 * anonymously.
 */
public record Suggestion(UUID id, UUID unitId, UUID authorId, String authorName, SuggestionTopic topic, String text,
        SuggestionStatus status, String answer, String answeredBy, Instant answeredAt, long version,
        Instant createdAt) {

    public boolean anonymous() {
        return authorId == null;
    }

    public SuggestionStatus answer(String reply) {
        if (status != SuggestionStatus.SUBMITTED) {
            throw new BusinessRuleViolation("suggestion.transition.answered");
        }
        if (reply == null || reply.isBlank()) {
            throw new BusinessRuleViolation("suggestion.answer.required");
        }
        if (reply.length() > 4000) {
            throw new BusinessRuleViolation("suggestion.answer.tooLong");
        }
        return SuggestionStatus.ANSWERED;
    }
}

package org.duban.ledger;

import org.duban.shared.BusinessRuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A 回头看 round: closed problems looked at again. Problems are added and results recorded
 * while it is planned; it is completed once every problem has a result. Each action
 * refuses with a named reason.
 */
public record ReviewRound(UUID id, UUID unitId, String title, LocalDate plannedOn, ReviewStatus status,
        LocalDate completedOn, long version, List<Item> items) {

    public record Item(UUID problemId, String reference, ProblemStatus problemStatus, ReviewResult result, String note,
            String reviewedBy) {
    }

    /** How many problems of the round relapsed. */
    public long relapsed() {
        return items.stream().filter(i -> i.result() == ReviewResult.RELAPSED).count();
    }

    /**
     * Only a closed problem (signed off or unfounded) is looked at again, once per round.
     */
    public void add(UUID problemId, ProblemStatus problemStatus) {
        requirePlanned();
        if (!problemStatus.closed()) {
            throw new BusinessRuleViolation("review.add.notClosed");
        }
        if (items.stream().anyMatch(i -> i.problemId().equals(problemId))) {
            throw new BusinessRuleViolation("review.add.duplicate");
        }
    }

    /**
     * A result for a problem of this round; a relapse needs a note (it becomes the
     * reopening's reason).
     */
    public void record(UUID problemId, ReviewResult result, String note) {
        requirePlanned();
        Item item = items.stream()
            .filter(i -> i.problemId().equals(problemId))
            .findFirst()
            .orElseThrow(() -> new BusinessRuleViolation("review.record.notInRound"));
        if (item.result() != null) {
            throw new BusinessRuleViolation("review.record.done");
        }
        if (result == null) {
            throw new BusinessRuleViolation("review.record.resultRequired");
        }
        if (result == ReviewResult.RELAPSED && (note == null || note.isBlank())) {
            throw new BusinessRuleViolation("review.record.noteRequired");
        }
    }

    public ReviewStatus complete(LocalDate on, LocalDate today) {
        requirePlanned();
        if (items.isEmpty()) {
            throw new BusinessRuleViolation("review.complete.empty");
        }
        long open = items.stream().filter(i -> i.result() == null).count();
        if (open > 0) {
            throw new BusinessRuleViolation("review.complete.open", open);
        }
        if (on == null || on.isAfter(today)) {
            throw new BusinessRuleViolation("review.complete.date");
        }
        return ReviewStatus.COMPLETED;
    }

    private void requirePlanned() {
        if (status != ReviewStatus.PLANNED) {
            throw new BusinessRuleViolation("review.transition.completed");
        }
    }
}

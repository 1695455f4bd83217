package org.duban.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A complaint as staff see it. The reporter's identity is not part of it: it is revealed separately, with a reason. */
public record Complaint(UUID id, Channel channel, ComplaintType type, String content, LocalDate occurredOn,
                        String location, String unitConcerned, boolean anonymous, UUID ownerUnitId,
                        UUID handlingUnitId, ComplaintStatus status, Instant submittedAt, LocalDate acknowledgeDueOn,
                        LocalDate dueOn, String extensionReason, Instant acceptedAt, String declineReason,
                        String result, String feedbackDraft, String feedback, Instant answeredAt, Instant closedAt,
                        Closure closure, Satisfaction satisfaction, String satisfactionComment, int reopenCount,
                        UUID problemId, long version) {

    public boolean overdue(LocalDate today) {
        return status.isOpen() && status != ComplaintStatus.ANSWERED && today.isAfter(dueOn);
    }

    /** The short public reference shown to staff (never the receipt). */
    public String reference() {
        return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}

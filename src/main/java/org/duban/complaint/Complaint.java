package org.duban.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint as staff see it. The reporter's identity is not part of it: it is revealed
 * separately, with a reason.
 */
public record Complaint(UUID id, Channel channel, ComplaintType type, String content, LocalDate occurredOn,
        String location, String unitConcerned, boolean anonymous, UUID ownerUnitId, UUID handlingUnitId,
        ComplaintStatus status, Instant submittedAt, LocalDate acknowledgeDueOn, LocalDate dueOn,
        String extensionReason, Instant acceptedAt, String declineReason, String result, String feedbackDraft,
        String feedback, Instant answeredAt, Instant closedAt, Closure closure, Satisfaction satisfaction,
        String satisfactionComment, int reopenCount, UUID problemId, long version, String number) {

    public boolean overdue(LocalDate today) {
        return status.isOpen() && status != ComplaintStatus.ANSWERED && today.isAfter(dueOn);
    }

    /**
     * The number staff and the public see (TS-2023-00123; never the receipt). Older rows
     * fall back to the id.
     */
    public String reference() {
        return number != null ? number : id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}

package org.duban.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the holder of a receipt sees: no internal notes, no staff names, no identity. */
public record PublicStatus(ComplaintType type, ComplaintStatus status, Instant submittedAt, String handlingUnit,
        LocalDate dueOn, String feedback, Satisfaction satisfaction, List<PublicEntry> added, List<Step> steps) {

    public boolean canRate() {
        return status == ComplaintStatus.ANSWERED;
    }

    public boolean canAddInformation() {
        return status.isOpen();
    }

    public record PublicEntry(Instant at, String text) {
    }

    /**
     * One step of the handling as the public sees it: when and what, never who. Labels:
     * {@code complaint.step.*}.
     */
    public record Step(Instant at, StepKind kind) {
    }

    public enum StepKind {

        RECEIVED, ACCEPTED, DECLINED, TRANSFERRED, ASSIGNED, EXTENDED, ANSWERED, REOPENED, RATED, CLOSED;

        /**
         * The public step of a staff transition; empty for internal ones (the unit's
         * draft answer, the review that sends it back, the link to a problem) that the
         * complainant has no use for.
         */
        static Optional<StepKind> of(String action) {
            return Optional.ofNullable(switch (action) {
                case "accepted" -> ACCEPTED;
                case "declined" -> DECLINED;
                case "transferred" -> TRANSFERRED;
                case "assigned" -> ASSIGNED;
                case "extended" -> EXTENDED;
                case "feedback.published" -> ANSWERED;
                case "reopened" -> REOPENED;
                case "rated" -> RATED;
                case "closed" -> CLOSED;
                default -> null;
            });
        }

    }
}

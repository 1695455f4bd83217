package org.duban.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the holder of a receipt sees: no internal notes, no staff names, no identity. */
public record PublicStatus(ComplaintType type, ComplaintStatus status, Instant submittedAt, String handlingUnit,
                           LocalDate dueOn, String feedback, Satisfaction satisfaction, List<PublicEntry> added) {

    public boolean canRate() {
        return status == ComplaintStatus.ANSWERED;
    }

    public boolean canAddInformation() {
        return status.isOpen();
    }

    public record PublicEntry(Instant at, String text) {
    }
}

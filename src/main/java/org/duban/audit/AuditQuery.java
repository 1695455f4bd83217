package org.duban.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The filter of the audit page. Dates are calendar days in the bureau's time zone
 * (Beijing time), inclusive; the log itself stores UTC instants.
 */
public record AuditQuery(@Size(max = 100) String actor, @Size(max = 80) String action,
        @Size(max = 60) String objectType, @Size(max = 80) String objectId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, AuditOutcome outcome, @Min(0) Integer page) {

    public int pageNumber() {
        return page == null ? 0 : page;
    }
}

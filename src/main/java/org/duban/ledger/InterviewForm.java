package org.duban.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A 约谈 record: who interviewed whom, when, why, the minutes and the follow-up; optionally
 * the problem behind it.
 */
public record InterviewForm(@Size(max = 30) String problemReference, @NotNull UUID unitId,
        @NotBlank @Size(max = 100) String interviewer, @NotBlank @Size(max = 100) String interviewee,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
        @NotBlank @Size(max = 4000) String reason, @NotBlank @Size(max = 20000) String minutes,
        @Size(max = 4000) String followUp) {
}

package org.duban.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/** A record of accountability or of a fault-tolerance exemption, linked to a problem by its reference number. */
public record AccountabilityForm(@NotBlank @Size(max = 30) String problemReference, @NotBlank @Size(max = 50) String person,
                                 @NotNull UUID unitId, @NotNull AccountabilityKind kind, @Size(max = 4000) String grounds,
                                 @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                                 @NotBlank @Size(max = 100) String decidingBody) {
}

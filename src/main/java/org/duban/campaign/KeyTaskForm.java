package org.duban.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/** Create or edit a key task; {@code version} is the version the user saw (null when creating). */
public record KeyTaskForm(@NotNull UUID campaignId, @NotBlank @Size(max = 200) String title,
                          @Size(max = 4000) String description, Phase phase, @NotNull UUID ownerUnitId,
                          @Size(max = 50) String ownerPerson, @Size(max = 300) String coUnits,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                          @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                          @Size(max = 4000) String acceptanceStandard, @Size(max = 4000) String deliverable,
                          Long version) {

    static KeyTaskForm of(KeyTask t) {
        return new KeyTaskForm(t.campaignId(), t.title(), t.description(), t.phase(), t.ownerUnitId(),
                t.ownerPerson(), t.coUnits(), t.startsOn(), t.deadline(), t.acceptanceStandard(), t.deliverable(),
                t.version());
    }
}

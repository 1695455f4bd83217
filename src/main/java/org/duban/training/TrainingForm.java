package org.duban.training;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A planned session: topic, date, place, materials and the units whose staff are
 * expected.
 */
public record TrainingForm(@NotBlank @Size(max = 200) String topic,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
        @NotBlank @Size(max = 200) String place, @Size(max = 4000) String materials, @NotNull UUID unitId,
        @NotEmpty List<UUID> targetUnits, Long version) {
}

package org.duban.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A planned inspection as typed in: its targets are units, stations, officers, and other
 * targets (case files …) one per line; its inspectors are staff.
 */
public record InspectionForm(@NotNull InspectionType type, @NotBlank @Size(max = 200) String title,
        @NotNull UUID campaignId, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
        List<UUID> unitTargets, List<UUID> stationTargets, List<UUID> staffTargets,
        @Size(max = 5000) String otherTargets, List<UUID> inspectorIds) {
}

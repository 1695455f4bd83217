package org.duban.handdown;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Items to hand down, one per bureau chosen: a key task needs a deadline, a problem or
 * clue a time limit in working days. {@code campaignId} and {@code keyTaskId} (optional)
 * name the issuing bureau's own campaign and key task the item belongs to.
 */
public record HandDownForm(@NotNull HandDownKind kind, @NotEmpty List<UUID> toUnitIds, UUID campaignId, UUID keyTaskId,
        @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
        @Size(max = 4000) String acceptanceStandard, @Size(max = 4000) String requiredFeedback,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, @Min(1) @Max(120) Integer workingDays) {

    public static HandDownForm empty(HandDownKind kind) {
        return new HandDownForm(kind, List.of(), null, null, null, null, null, null, null,
                kind == HandDownKind.CASE ? 10 : null);
    }

}

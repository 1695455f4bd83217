package org.duban.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.duban.organization.UnitKind;

import java.util.UUID;

/**
 * A draw as typed into the form: which population (type, unit subtree, optional kind of unit), which inspector
 * pool (a unit subtree), how many, and where the seed comes from.
 */
public record DrawForm(
        @NotBlank @Size(max = 200) String title,
        UUID campaignId,
        @NotNull TargetType targetType,
        @NotNull UUID targetRootUnitId,
        UnitKind unitKind,
        @NotNull UUID poolRootUnitId,
        @NotNull @Min(1) @Max(500) Integer targetCount,
        @NotNull @Min(0) @Max(10) Integer inspectorsPerTarget,
        @NotNull SeedMode seedMode,
        @Size(max = 500) String publicSeedSource) {

    /** Subjects a draw can be made from. Imported enforcement cases (CASE) come from the screening module later. */
    public enum TargetType { STAFF, UNIT, STATION }

    /** A secret seed committed to by its hash, or a named public value that does not exist yet. */
    public enum SeedMode { COMMITTED, PUBLIC_VALUE }
}

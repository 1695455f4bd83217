package org.duban.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.duban.organization.UnitKind;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A draw as typed into the form: which population (type, unit subtree, optional kind of
 * unit), which inspector pool (a unit subtree), how many, and where the seed comes from.
 */
public record DrawForm(@NotBlank @Size(max = 200) String title, UUID campaignId, @NotNull TargetType targetType,
        @NotNull UUID targetRootUnitId, UnitKind unitKind, @NotNull UUID poolRootUnitId,
        @NotNull @Min(1) @Max(500) Integer targetCount, @NotNull @Min(0) @Max(10) Integer inspectorsPerTarget,
        @NotNull SeedMode seedMode, @Size(max = 500) String publicSeedSource,
        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate caseFrom,
        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate caseTo,
        @Size(max = 60) String violationCode) {

    /** The form without case filters (targets other than imported cases). */
    public DrawForm(String title, UUID campaignId, TargetType targetType, UUID targetRootUnitId, UnitKind unitKind,
            UUID poolRootUnitId, Integer targetCount, Integer inspectorsPerTarget, SeedMode seedMode,
            String publicSeedSource) {
        this(title, campaignId, targetType, targetRootUnitId, unitKind, poolRootUnitId, targetCount,
                inspectorsPerTarget, seedMode, publicSeedSource, null, null, null);
    }

    /**
     * Subjects a draw can be made from. CASE: enforcement cases imported by the screening
     * module, filtered by the unit subtree, the decision date range
     * ({@code caseFrom}..{@code caseTo}, inclusive) and the violation code.
     */
    public enum TargetType {

        STAFF, UNIT, STATION, CASE

    }

    /**
     * A secret seed committed to by its hash, or a named public value that does not exist
     * yet.
     */
    public enum SeedMode {

        COMMITTED, PUBLIC_VALUE

    }
}

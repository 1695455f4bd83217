package org.duban.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * What an administrator types to create a child unit or edit one. The code is set once at
 * creation (other modules and imports refer to units by it) and is ignored when editing.
 */
public record UnitForm(UUID parentId,
        @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{unit.code.invalid}") String code,
        @NotBlank @Size(max = 100) String name, @NotNull UnitKind kind, @Min(0) @Max(9999) int sort, Long version) {

    public static UnitForm child(UUID parentId) {
        return new UnitForm(parentId, "", "", UnitKind.OFFICE, 0, null);
    }

    public static UnitForm of(OrgUnit unit) {
        return new UnitForm(unit.parentId(), unit.code(), unit.name(), unit.kind(), unit.sort(), unit.version());
    }
}

package org.duban.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;
import java.util.UUID;

/**
 * What an administrator types to create or edit a staff member. Password is optional when
 * editing.
 */
public record StaffForm(@NotNull UUID unitId, @NotBlank @Size(max = 50) String name, @Size(max = 100) String title,
        @Size(max = 30) @Pattern(regexp = "^[0-9+\\- ]*$", message = "{staff.phone.invalid}") String phone,
        @Size(max = 200) @Email(message = "{staff.email.invalid}") String email,
        @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9._-]*$", message = "{staff.login.invalid}") String login,
        @Size(max = 200) String password, boolean enabled, Set<String> roles, Long version) {

    public static StaffForm empty() {
        return new StaffForm(null, "", "", "", "", "", "", true, Set.of(), null);
    }

    public static StaffForm of(Staff staff) {
        return new StaffForm(staff.unitId(), staff.name(), staff.title(), staff.phone(), staff.email(), staff.login(),
                "", staff.enabled(), staff.roles(), staff.version());
    }
}

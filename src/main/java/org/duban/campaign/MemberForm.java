package org.duban.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public record MemberForm(@NotNull UUID groupId, UUID staffId, @NotBlank @Size(max = 50) String name,
        @NotNull MemberPosition position, @Size(max = 150) String post, @Size(max = 2000) String duties, int sort) {
}

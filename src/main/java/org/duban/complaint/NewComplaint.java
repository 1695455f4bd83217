package org.duban.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A complaint as the public, the API or staff hand it in. Only type and content are
 * required; name and phone are ignored when anonymous.
 */
public record NewComplaint(@NotNull ComplaintType type, @NotBlank @Size(max = 5000) String content,
        LocalDate occurredOn, @Size(max = 200) String location, @Size(max = 200) String unitConcerned,
        boolean anonymous, @Size(max = 50) String name,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*") String phone) {

    /** Name and phone dropped when anonymous, blanks as null. */
    NewComplaint normalised() {
        return new NewComplaint(type, content == null ? null : content.strip(), occurredOn, blankToNull(location),
                blankToNull(unitConcerned), anonymous, anonymous ? null : blankToNull(name),
                anonymous ? null : blankToNull(phone));
    }

    /** What a retried submission must repeat exactly to count as the same one. */
    String fingerprint() {
        return String.join("\u0000", String.valueOf(type), String.valueOf(content), String.valueOf(occurredOn),
                String.valueOf(location), String.valueOf(unitConcerned), String.valueOf(anonymous),
                String.valueOf(name), String.valueOf(phone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

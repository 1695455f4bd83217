package org.duban.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable parts of a report: title, document number, addressees and the four
 * narrative sections.
 */
public record ReportForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 40) String docPrefix,
        @NotNull @Min(2000) @Max(2100) Integer docYear, @Min(1) @Max(99999) Integer docSeq,
        @NotBlank @Size(max = 100) String addressee, @Size(max = 300) String copyTo, @Size(max = 20000) String progress,
        @Size(max = 20000) String results, @Size(max = 20000) String problems, @Size(max = 20000) String suggestions,
        Long version) {

    static ReportForm of(Report r) {
        return new ReportForm(r.title(), r.docPrefix(), r.docYear(), r.docSeq(), r.addressee(), r.copyTo(),
                r.progress(), r.results(), r.problems(), r.suggestions(), r.version());
    }
}

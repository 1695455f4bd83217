package org.duban.typicalcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A typical case as the work team writes it: the internal account (may name persons;
 * never published) and the anonymised public title and text, approved together by the
 * leading group.
 */
public record TypicalCaseForm(@NotBlank @Size(max = 30) String problemReference, @NotNull TypicalCaseKind kind,
        @NotNull TypicalCaseSource source, @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20000) String summary, @Size(max = 4000) String lessons,
        @Size(max = 200) String publicTitle, @Size(max = 20000) String publicText, Long version) {

    static TypicalCaseForm of(TypicalCase c) {
        return new TypicalCaseForm(c.problemReference(), c.kind(), c.source(), c.title(), c.summary(), c.lessons(),
                c.publicTitle(), c.publicText(), c.version());
    }
}

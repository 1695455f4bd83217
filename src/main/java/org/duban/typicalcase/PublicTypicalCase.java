package org.duban.typicalcase;

import java.time.LocalDate;

/** What the public page shows of a published case: nothing else is read for it. */
public record PublicTypicalCase(TypicalCaseKind kind, String title, String text, LocalDate publishedOn) {
}

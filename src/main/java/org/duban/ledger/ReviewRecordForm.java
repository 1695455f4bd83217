package org.duban.ledger;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The result of looking at one problem again; a relapse needs the note, which becomes the
 * reason the problem is reopened.
 */
record ReviewRecordForm(@NotNull ReviewResult result, @Size(max = 2000) String note) {

    static ReviewRecordForm empty() {
        return new ReviewRecordForm(null, null);
    }

}

package org.duban.screening;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of one import: counts, every rejected row (line, column, reason) and
 * warnings (unknown columns, unknown agencies). {@code fileCases}: of a case import, the
 * ids of the file's cases (new, changed or unchanged), or null when they are every case
 * the table holds (as after a first load), for a screening of just the file.
 */
public record ImportResult(UUID id, long rowsRead, long inserted, long updated, long unchanged,
        List<Rejection> rejections, long rejectedCount, List<Warning> warnings, long[] fileCases) {

    public ImportResult(UUID id, long rowsRead, long inserted, long updated, long unchanged, List<Rejection> rejections,
            long rejectedCount, List<Warning> warnings) {
        this(id, rowsRead, inserted, updated, unchanged, rejections, rejectedCount, warnings, null);
    }

    /**
     * A row that could not be read. {@code reasonKey} is a message key; {@code value} the
     * offending cell.
     */
    public record Rejection(long line, String column, String reasonKey, String value) {
    }

    /** A message key with one argument. */
    public record Warning(String key, String arg) {
    }
}

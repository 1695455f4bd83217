package org.duban.screening;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of one import: counts, every rejected row (line, column, reason) and warnings (unknown columns,
 * unknown agencies).
 */
public record ImportResult(UUID id, long rowsRead, long inserted, long updated, long unchanged,
                           List<Rejection> rejections, long rejectedCount, List<Warning> warnings) {

    /** A row that could not be read. {@code reasonKey} is a message key; {@code value} the offending cell. */
    public record Rejection(long line, String column, String reasonKey, String value) {
    }

    /** A message key with one argument. */
    public record Warning(String key, String arg) {
    }
}

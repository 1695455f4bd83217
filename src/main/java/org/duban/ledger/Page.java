package org.duban.ledger;

import java.util.List;

/** One page of a list and the total number of rows matching the filter. */
public record Page<T>(List<T> rows, long total, int page, int size) {

    /** Totals are counted up to this; beyond it the list says "more than". */
    public static final int COUNT_CAP = 10_000;

    public boolean capped() {
        return total > COUNT_CAP;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}

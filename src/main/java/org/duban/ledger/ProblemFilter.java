package org.duban.ledger;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The filters, sorting and page of a ledger list; bound from the query string, shared by
 * the list and its export.
 *
 * @param sort one of {@link #SORTS}; anything else falls back to the date found
 */
public record ProblemFilter(UUID campaign, ProblemCategory category, String item, ProblemSource source, UUID unit,
        ProblemStatus status, Boolean overdue, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String q, String sort, String dir, Integer page,
        Integer size) {

    public static final Set<String> SORTS = Set.of("reference", "foundOn", "dueOn", "status", "category");

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public int pageOrFirst() {
        return page == null || page < 0 ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null || size < 1 ? 25 : Math.min(size, 200);
    }

    public boolean ascending() {
        return "asc".equals(dir);
    }

    String orderBy() {
        String column = switch (sort == null ? "" : sort) {
            case "reference" -> "p.reference";
            case "dueOn" -> "p.due_on";
            case "status" -> "p.status";
            case "category" -> "p.category";
            default -> "p.found_on";
        };
        String direction = ascending() ? " asc" : " desc";
        // Only due_on may be null; elsewhere no "nulls last", so the (found_on desc,
        // reference desc) index serves
        // the default order and a page is read from the index instead of sorting the
        // whole ledger.
        String nulls = column.equals("p.due_on") ? " nulls last" : "";
        return column.equals("p.reference") ? column + direction
                : column + direction + nulls + ", p.reference" + direction;
    }

    public ProblemFilter withPage(int p) {
        return new ProblemFilter(campaign, category, item, source, unit, status, overdue, from, to, q, sort, dir, p,
                size);
    }
}

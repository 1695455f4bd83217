package org.duban.shared;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import java.util.List;
import java.util.Map;

/**
 * One page of a list and the size of the whole list, for the list toolbar and pager
 * ({@code ui :: pager}). Pages count from 1; the query asks for {@link #offset()} and
 * {@link #size()} rows and counts all of them.
 */
public record PageOf<T>(List<T> items, long total, int number, int size) {

    public static final int DEFAULT_SIZE = 50;

    /**
     * The page number a request asked for, kept within 1..10,000 (a mistyped number shows
     * the first page).
     */
    public static int number(Integer requested) {
        return requested == null || requested < 1 ? 1 : Math.min(requested, 10_000);
    }

    public static int offset(int number, int size) {
        return (number - 1) * size;
    }

    public int offset() {
        return offset(number, size);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean first() {
        return number <= 1;
    }

    public boolean last() {
        return number >= pages();
    }

    /**
     * One page of a filtered list and the count of the whole list, from the same
     * {@code from … where …} part (so that the total and the rows cannot disagree):
     * {@code select count(*) <filter>} and
     * {@code <select> <filter> <order> limit … offset …}.
     */
    public static <T> PageOf<T> query(JdbcClient jdbc, String select, String filter, String order,
            Map<String, ?> params, RowMapper<T> rows, int number, int size) {
        long total = jdbc.sql("select count(*) " + filter).params(params).query(Long.class).single();
        List<T> items = jdbc.sql(select + " " + filter + " " + order + " limit :pageSize offset :pageOffset")
            .params(params)
            .param("pageSize", size)
            .param("pageOffset", offset(number, size))
            .query(rows)
            .list();
        return new PageOf<>(items, total, number, size);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * The current request's address with {@code page} set to {@code n}, every filter
     * kept.
     */
    public String link(int n) {
        UriComponents here = ServletUriComponentsBuilder.fromCurrentRequest()
            .replaceQueryParam("page", Math.max(1, n))
            .build();
        return here.getPath() + "?" + here.getQuery();
    }
}

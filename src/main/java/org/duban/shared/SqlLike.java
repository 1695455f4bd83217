package org.duban.shared;

/**
 * A keyword typed into a list's search box, made safe for {@code ilike '%' || :q || '%'}:
 * its own {@code %}, {@code _} and backslash match themselves (PostgreSQL's default
 * escape character is the backslash), and a blank keyword is no condition at all (null).
 */
public final class SqlLike {

    private SqlLike() {
    }

    public static String word(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return null;
        }
        return keyword.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}

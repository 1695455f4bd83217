package org.duban.audit;

/**
 * How a module names its records in the operation log: by the number and title people
 * know (problem DB-2023-00012, complaint TS-2023-00034), not by an internal id. A module
 * that writes {@link AuditEvent}s about a record type declares a bean of this type; the
 * log shows the id where no name is known (a deleted record, a type nobody names).
 */
public interface AuditObjectNames {

    /** The object type as the module writes it in its audit events. */
    String objectType();

    /**
     * The module's query of its records' names: columns {@code id} and {@code name}, the
     * wanted ids bound as {@code :ids} (a text array), the bureau's zone as {@code :zone}
     * (for a name that is a time); null for a type named by {@link #messagePrefix()}
     * alone.
     */
    String nameQuery();

    /**
     * For records whose id is a code with a label in the messages (a role, a screening
     * rule): the key prefix, the code appended; null otherwise.
     */
    default String messagePrefix() {
        return null;
    }

    /** A type named by one query. */
    static AuditObjectNames of(String objectType, String nameQuery) {
        return new NamedType(objectType, nameQuery, null);
    }

    /**
     * A type whose records have a uuid {@code id} in {@code table}, named by one column
     * or expression of it.
     */
    static AuditObjectNames column(String objectType, String table, String name) {
        return of(objectType,
                "select id::text as id, " + name + " as name from " + table + " where id::text = any(:ids)");
    }

    /** A type whose ids are codes labelled {@code messagePrefix + code}. */
    static AuditObjectNames labelled(String objectType, String messagePrefix) {
        return new NamedType(objectType, null, messagePrefix);
    }

}

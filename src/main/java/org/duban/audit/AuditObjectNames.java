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
     * wanted ids bound as {@code :ids} (a text array).
     */
    String nameQuery();

}

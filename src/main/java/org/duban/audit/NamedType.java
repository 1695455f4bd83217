package org.duban.audit;

/** An {@link AuditObjectNames} made by its factories. */
record NamedType(String objectType, String nameQuery, String messagePrefix) implements AuditObjectNames {
}

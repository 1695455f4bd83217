/**
 * The embedded PostgreSQL. Exposed (as the named interface {@code database}) only for the
 * application's start-up: {@link org.duban.shared.database.EmbeddedDatabaseEarlyStart},
 * registered by {@code DubanApplication}.
 */
@org.springframework.modulith.NamedInterface("database")
package org.duban.shared.database;

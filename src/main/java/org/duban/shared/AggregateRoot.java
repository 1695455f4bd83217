package org.duban.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an aggregate: a type that guards its own transitions (methods that refuse an
 * illegal move with a named {@link BusinessRuleViolation}) and knows nothing of how it is
 * stored. {@code ArchitectureTest} holds every type carrying this mark to that: no Spring
 * and no JDBC types.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AggregateRoot {

}

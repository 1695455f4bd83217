package org.duban.reporting;

import java.math.BigDecimal;

/**
 * One drafted figure: a message key ({@code figure.<key>}), its value (null: not defined,
 * e.g. a rate of nothing), whether it is a percentage, and whether the dashboard can list
 * the rows behind it.
 */
public record Figure(String key, BigDecimal value, boolean percent, boolean listable) {
}

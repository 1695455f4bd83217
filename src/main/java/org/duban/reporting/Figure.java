package org.duban.reporting;

import java.math.BigDecimal;

/**
 * One drafted figure: a message key ({@code figure.<key>}), its value, whether it is a percentage, and the list
 * behind it (a path into the module that owns the rows, or null when there is none).
 */
public record Figure(String key, BigDecimal value, boolean percent, String listPath) {
}

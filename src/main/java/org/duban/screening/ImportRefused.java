package org.duban.screening;

import org.duban.shared.BusinessRuleViolation;

/**
 * A file that cannot be imported at all (not a table, required columns missing,
 * unreadable).
 */
public class ImportRefused extends BusinessRuleViolation {

    public ImportRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }

}

package org.duban.support;

import org.duban.shared.BusinessRuleViolation;

/**
 * For status × action tests of aggregates: the name of the refusal, or null when allowed.
 */
public final class Refusals {

    private Refusals() {
    }

    public static String refusal(Runnable action) {
        try {
            action.run();
            return null;
        }
        catch (BusinessRuleViolation refused) {
            return refused.messageKey();
        }
    }

}

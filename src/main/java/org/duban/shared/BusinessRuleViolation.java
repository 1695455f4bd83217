package org.duban.shared;

import org.springframework.validation.Errors;

import java.util.Arrays;

/**
 * An aggregate refused a change (an illegal transition, a missing precondition). Carries
 * a message key so the refusal is shown to the user in their language, next to the form
 * that caused it.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String messageKey;

    private final transient Object[] args;

    public BusinessRuleViolation(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /** Shown at the top of the form that caused it, when no one field did. */
    public void showOn(Errors errors) {
        errors.reject(messageKey, args, messageKey);
    }

    /** Shown under the field that caused it, the field marked. */
    public void showAt(Errors errors, String field) {
        errors.rejectValue(field, messageKey, args, messageKey);
    }

}

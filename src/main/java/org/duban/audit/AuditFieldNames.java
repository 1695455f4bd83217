package org.duban.audit;

import java.util.Locale;

/**
 * How a module names the fields of its audited changes that are not words of the
 * {@code audit.change.*} messages: fields named after the module's own reference data (an
 * inspection's checklist answers are keyed by the item's code, {@code IR-BODY-CAMERA}).
 * The log shows the label, the field as written stays in the title.
 */
public interface AuditFieldNames {

    /** The object type whose changes hold such fields. */
    String objectType();

    /**
     * The field in words in the language, or null for a field this module does not name
     * (the messages name it, or nobody does).
     */
    String field(String field, Locale locale);

    /** A value of such a field in words, or null to show it as written. */
    default String value(String field, String value, Locale locale) {
        return null;
    }

}

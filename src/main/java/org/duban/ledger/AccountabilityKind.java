package org.duban.ledger;

/**
 * 追责问责 measures in ascending severity, the fault-tolerance exemption (容错免责), and no
 * action (不予处理).
 */
public enum AccountabilityKind {

    TALK_REMINDER, CRITICISM_EDUCATION, ORDERED_SELF_EXAMINATION, ADMONITION, CIRCULATED_CRITICISM,
    ORGANISATIONAL_MEASURE, DISCIPLINARY_SANCTION, JUDICIAL_REFERRAL, FAULT_TOLERANCE_EXEMPTION, NO_ACTION

}

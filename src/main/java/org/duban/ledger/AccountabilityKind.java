package org.duban.ledger;

/** 追责问责 measures in ascending severity, and the fault-tolerance exemption (容错免责). */
public enum AccountabilityKind {
    TALK_REMINDER, CRITICISM_EDUCATION, ORDERED_SELF_EXAMINATION, ADMONITION, CIRCULATED_CRITICISM,
    ORGANISATIONAL_MEASURE, DISCIPLINARY_SANCTION, JUDICIAL_REFERRAL, FAULT_TOLERANCE_EXEMPTION
}

package org.duban.ledger;

/** Whom a case concerns: a person (被问责人) or a unit as a whole. */
public enum AccountabilitySubject {

    PERSON, UNIT

}

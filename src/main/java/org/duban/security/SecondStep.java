package org.duban.security;

/** What a staff member must do after a correct password before they are signed in. */
public enum SecondStep {

    /** Nothing: signed in at once. */
    NONE,

    /** Type a code of their enrolled second factor (or a recovery code). */
    CODE,

    /**
     * Enrol a second factor first: it is required for them (administrators) and they have
     * none.
     */
    ENROL

}

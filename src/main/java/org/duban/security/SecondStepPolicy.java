package org.duban.security;

/**
 * Decides the step after the password. Implemented by the module that keeps second
 * factors (account), so that this module needs to know nothing of how they are stored.
 */
public interface SecondStepPolicy {

    SecondStep after(DubanUser passwordChecked);

}

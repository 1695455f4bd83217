package org.duban.typicalcase;

/**
 * Where the case was found; the anchor is always a problem of the ledger (accountability
 * and findings link one).
 */
public enum TypicalCaseSource {

    PROBLEM, ACCOUNTABILITY, INSPECTION

}

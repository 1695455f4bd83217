package org.duban.regulation;

/** Being drafted, or issued (印发) under a document number on a date. */
public enum RegulationStatus {

    DRAFTING, ISSUED

}

package org.duban.regulation;

/** A new rule (制定), a revision (修订) or a repeal (废止) of an existing one. */
public enum RegulationKind {

    NEW, REVISED, REPEALED

}

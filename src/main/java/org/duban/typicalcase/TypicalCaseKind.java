package org.duban.typicalcase;

/** 正面典型 (good practice to spread) or 反面典型 (a warning). */
public enum TypicalCaseKind {

    POSITIVE, NEGATIVE

}

package org.duban.typicalcase;

/** Registered (draft), approved by the leading group, published on the public portal. */
public enum TypicalCaseStatus {

    DRAFT, APPROVED, PUBLISHED

}

package org.duban.inspection;

/**
 * PLANNED until the first answer or finding is recorded, IN_PROGRESS until closed; a
 * closed one is read-only.
 */
public enum InspectionStatus {

    PLANNED, IN_PROGRESS, CLOSED

}

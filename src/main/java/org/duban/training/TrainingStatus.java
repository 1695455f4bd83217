package org.duban.training;

/** Planned, held (attendance recorded) or cancelled. */
public enum TrainingStatus {

    PLANNED, HELD, CANCELLED

}

package org.duban.complaint;

/**
 * The complainant's rating of the answer (满意 / 基本满意 / 不满意). Labels:
 * {@code complaint.satisfaction.*}.
 */
public enum Satisfaction {

    SATISFIED, BASICALLY_SATISFIED, NOT_SATISFIED;

    public boolean isSatisfied() {
        return this != NOT_SATISFIED;
    }

}

package org.duban.ledger;

/** Where a problem was found: 内部问题主动查、外部问题倒逼查、重点问题深入查. */
public enum ProblemSource {

    SELF_INSPECTION, COMPLAINT, SURPRISE_INSPECTION, UNANNOUNCED_VISIT, RANDOM_CHECK, SUPERIOR_REFERRAL, RISK_SCREENING,
    OTHER

}

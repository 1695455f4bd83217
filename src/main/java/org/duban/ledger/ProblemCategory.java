package org.duban.ledger;

/**
 * The notice's five kinds of enforcement problem (整治内容). Codes are fixed; their items are
 * reference data.
 */
public enum ProblemCategory {

    PROFIT_DRIVEN, IRREGULAR, RIGID, ROUGH, RENT_SEEKING

}

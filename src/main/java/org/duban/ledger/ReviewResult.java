package org.duban.ledger;

/**
 * What a 回头看 found: the rectification held, or the problem came back (it is reopened).
 */
public enum ReviewResult {

    HELD, RELAPSED

}

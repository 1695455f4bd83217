package org.duban.ledger;

/** 问题根源 (举一反三): why the problem arose, as a short list; the note says more. */
public enum RootCause {

    NO_RULE, RULE_NOT_FOLLOWED, SUPERVISION, SKILL, AWARENESS, INTEREST, OTHER

}

package org.duban.suggestion;

/** What a suggestion is about. */
public enum SuggestionTopic {

    ENFORCEMENT_RULES, WORKLOAD, EQUIPMENT, TRAINING, CONDUCT, OTHER

}

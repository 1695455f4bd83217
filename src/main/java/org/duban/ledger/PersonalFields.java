package org.duban.ledger;

import java.util.List;
import java.util.UUID;

/**
 * The personal content of a problem, for a module that must keep it out of what it
 * publishes: the officers named on the problem and the persons of its accountability
 * cases, plus the problem's description (which may carry phone numbers, ID numbers or
 * plates). Never shown by the caller; only used to check a text against it.
 */
public record PersonalFields(UUID problemId, String reference, UUID unitId, List<String> names, String description) {
}

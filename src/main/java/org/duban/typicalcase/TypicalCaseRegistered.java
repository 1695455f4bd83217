package org.duban.typicalcase;

import java.util.UUID;

/**
 * A typical case was registered or edited and waits for the leading group's approval (for
 * the to-do list).
 */
public record TypicalCaseRegistered(UUID caseId, UUID unitId, String title) {
}

package org.duban.campaign;

import java.util.UUID;

/**
 * A bureau the public can address: it runs an active campaign. Complaints addressed to it
 * go to its intake unit (named by its public notice, else the bureau itself).
 */
public record PublicBureau(UUID id, String code, String name, UUID intakeUnitId) {
}

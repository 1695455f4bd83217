package org.duban.regulation;

import java.util.UUID;

/**
 * A rule was drafted and waits to be issued by the leading group (for the to-do list).
 */
public record RegulationDrafted(UUID regulationId, UUID unitId, String title) {
}

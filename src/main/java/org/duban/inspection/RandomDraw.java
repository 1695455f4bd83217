package org.duban.inspection;

import java.time.Instant;
import java.util.UUID;

/** A stored draw. {@code secretSeed} never leaves the service before the draw is made. */
public record RandomDraw(UUID id, UUID publicId, UUID ownerUnitId, UUID campaignId, String title, String targetType,
                         String filterDescription, int targetCount, int inspectorsPerTarget, String algorithm,
                         String snapshotHash, DrawForm.SeedMode seedMode, String seedCommitment,
                         String publicSeedSource, String committedBy, Instant committedAt, String seed,
                         String publicValue, String selectionText, String drawnBy, Instant drawnAt,
                         boolean published, Instant publishedAt, long version) {

    public boolean drawn() {
        return seed != null;
    }
}

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

    /** The draw's conditions as recorded (and hashed) in {@link #filterDescription}, read back field by field. */
    public record Conditions(String targetType, String targetUnitCode, String unitKind, String decidedFrom,
                             String decidedTo, String violationCode, String poolUnitCode) {
    }

    private static final java.util.regex.Pattern CONDITIONS = java.util.regex.Pattern.compile(
            "targets=(\\w+) under (\\S+)(?: kind=(\\w+))?(?: decided>=(\\S+))?(?: decided<=(\\S+))?"
                    + "(?: violation=(\\S+))?; inspectors=STAFF under (\\S+)");

    /** The conditions for people to read (labels, unit names), or null for a description in another form. */
    public Conditions conditions() {
        java.util.regex.Matcher m = filterDescription == null ? null : CONDITIONS.matcher(filterDescription);
        if (m == null || !m.matches()) {
            return null;
        }
        return new Conditions(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
    }

    public boolean drawn() {
        return seed != null;
    }
}

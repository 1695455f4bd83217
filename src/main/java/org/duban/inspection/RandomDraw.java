package org.duban.inspection;

import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored draw: committed (population frozen, seed committed), then drawn once, and
 * published at any time after the commitment (publishing early shows the hash and the
 * commitment while the seed is still secret). The secret seed never leaves the service
 * before the draw is made; the rules of making the draw live here.
 */
@AggregateRoot
public record RandomDraw(UUID id, UUID publicId, UUID ownerUnitId, UUID campaignId, String title, String targetType,
        String filterDescription, int targetCount, int inspectorsPerTarget, String algorithm, String snapshotHash,
        DrawForm.SeedMode seedMode, String seedCommitment, String publicSeedSource, String committedBy,
        Instant committedAt, String seed, String publicValue, String selectionText, String drawnBy, Instant drawnAt,
        boolean published, Instant publishedAt, long version) {

    /**
     * The draw's conditions as recorded (and hashed) in {@link #filterDescription}, read
     * back field by field.
     */
    public record Conditions(String targetType, String targetUnitCode, String unitKind, String decidedFrom,
            String decidedTo, String violationCode, String poolUnitCode) {
    }

    private static final java.util.regex.Pattern CONDITIONS = java.util.regex.Pattern
        .compile("targets=(\\w+) under (\\S+)(?: kind=(\\w+))?(?: decided>=(\\S+))?(?: decided<=(\\S+))?"
                + "(?: violation=(\\S+))?; inspectors=STAFF under (\\S+)");

    /**
     * The conditions for people to read (labels, unit names), or null for a description
     * in another form.
     */
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

    /**
     * The seed a draw is made with, and the public value it came from (null for a
     * committed seed).
     */
    public record Seed(byte[] bytes, String publicValue) {
    }

    /**
     * Makes the draw's seed: refused once drawn, when the frozen population no longer has
     * its committed hash, when the stored secret seed does not match its commitment, or
     * when a public-value draw lacks its value.
     */
    public Seed seed(String currentSnapshotHash, String secretSeedHex, String enteredPublicValue) {
        if (drawn()) {
            throw new BusinessRuleViolation("draw.alreadyDrawn");
        }
        if (!currentSnapshotHash.equals(snapshotHash)) {
            throw new BusinessRuleViolation("draw.snapshotChanged");
        }
        if (seedMode == DrawForm.SeedMode.COMMITTED) {
            byte[] secret = Canonical.hex32(secretSeedHex);
            if (!DrawAlgorithm.commitment(secret).equals(seedCommitment)) {
                throw new BusinessRuleViolation("draw.commitmentBroken");
            }
            return new Seed(secret, null);
        }
        String value = SnapshotRow.clean(enteredPublicValue);
        if (value.isEmpty()) {
            throw new BusinessRuleViolation("draw.publicValue.required");
        }
        return new Seed(DrawAlgorithm.seedOfPublicValue(value), value);
    }

    /**
     * The event of a draw just committed: the population is frozen and the draw is to be
     * made. A static factory because the committed draw is not read back.
     */
    public static DrawTransitioned frozen(UUID id, UUID publicId, UUID ownerUnitId, UUID campaignId, String title,
            String by, Instant at) {
        return new DrawTransitioned(UUID.randomUUID(), id, publicId, title, "frozen", ownerUnitId, campaignId, by, at);
    }

    /** The event of the draw made: the selection waits to be published. */
    public DrawTransitioned drawnEvent(String by, Instant at) {
        return new DrawTransitioned(UUID.randomUUID(), id, publicId, title, "drawn", ownerUnitId, campaignId, by, at);
    }

    /** The event of the draw published (公示). */
    public DrawTransitioned publishedEvent(String by, Instant at) {
        return new DrawTransitioned(UUID.randomUUID(), id, publicId, title, "published", ownerUnitId, campaignId, by,
                at);
    }

    /** Publishing is a one-time step: whether this call changes anything. */
    public boolean publish() {
        return !published;
    }
}

package org.duban.inspection;

/**
 * What re-running a draw shows: whether the snapshot still has the committed hash,
 * whether the revealed seed matches the commitment (or the public value), and whether the
 * recomputed selection equals the stored one. A check that cannot be made yet (the draw
 * is not made) is null.
 */
public record Verification(String recomputedHash, boolean snapshotIntact, Boolean seedMatches, Boolean selectionMatches,
        Selection selection) {

    public boolean ok() {
        return snapshotIntact && !Boolean.FALSE.equals(seedMatches) && !Boolean.FALSE.equals(selectionMatches);
    }

    static Verification of(DrawSnapshot snapshot, RandomDraw d) {
        String hash = snapshot.sha256();
        boolean intact = hash.equals(d.snapshotHash());
        if (!d.drawn()) {
            return new Verification(hash, intact, null, null, null);
        }
        byte[] seed = Canonical.hex32(d.seed());
        boolean seedOk = d.seedMode() == DrawForm.SeedMode.COMMITTED
                ? DrawAlgorithm.commitment(seed).equals(d.seedCommitment())
                : java.util.Arrays.equals(DrawAlgorithm.seedOfPublicValue(d.publicValue()), seed);
        Selection selection = DrawAlgorithm.select(snapshot, seed, d.targetCount(), d.inspectorsPerTarget());
        return new Verification(hash, intact, seedOk, selection.text().equals(d.selectionText()), selection);
    }
}

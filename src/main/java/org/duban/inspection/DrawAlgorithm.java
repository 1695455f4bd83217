package org.duban.inspection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The draw algorithm {@code duban-draw-v1}, exactly as docs/random-draws.md describes it
 * so that anyone can re-implement it: every candidate gets the score HMAC-SHA256(seed,
 * message) and the lowest scores win.
 * <ul>
 * <li>target score message: {@code duban-draw-v1|target|TYPE|ID}</li>
 * <li>inspector score message:
 * {@code duban-draw-v1|inspector|TARGET_TYPE|TARGET_ID|INSPECTOR_ID}</li>
 * </ul>
 * Targets are ranked by score and the first {@code targetCount} are selected. For each
 * selected target, in rank order, the inspectors not excluded for it are ranked by their
 * score and the first {@code inspectorsPerTarget} are assigned. An inspector is excluded
 * from a target when they belong to the target's unit, are the target themselves, or
 * declared a conflict with the target ({@code TYPE:ID}) or with the target's unit
 * ({@code UNIT:ID}).
 */
public final class DrawAlgorithm {

    public static final String NAME = "duban-draw-v1";

    private DrawAlgorithm() {
    }

    public static Selection select(DrawSnapshot snapshot, byte[] seed, int targetCount, int inspectorsPerTarget) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("the seed has 32 bytes");
        }
        if (targetCount < 1 || inspectorsPerTarget < 0) {
            throw new IllegalArgumentException("counts");
        }
        Mac mac = mac(seed);
        List<Scored> targets = new ArrayList<>();
        for (SnapshotRow t : snapshot.targets()) {
            targets.add(new Scored(t, score(mac, "target|" + t.subjectType() + "|" + t.subjectId())));
        }
        targets.sort(Scored.ORDER);
        List<Selection.Pick> picks = new ArrayList<>();
        for (int i = 0; i < Math.min(targetCount, targets.size()); i++) {
            SnapshotRow target = targets.get(i).row();
            List<Scored> eligible = new ArrayList<>();
            for (SnapshotRow inspector : snapshot.inspectors()) {
                if (!excluded(inspector, target)) {
                    eligible.add(new Scored(inspector, score(mac, "inspector|" + target.subjectType() + "|"
                            + target.subjectId() + "|" + inspector.subjectId())));
                }
            }
            eligible.sort(Scored.ORDER);
            List<SnapshotRow> assigned = eligible.stream().limit(inspectorsPerTarget).map(Scored::row).toList();
            picks.add(new Selection.Pick(i + 1, target, assigned, eligible.size()));
        }
        return new Selection(picks);
    }

    /** Own unit, self, or a declared conflict with the target or its unit. */
    public static boolean excluded(SnapshotRow inspector, SnapshotRow target) {
        if (!target.unitId().isEmpty() && target.unitId().equals(inspector.unitId())) {
            return true;
        }
        if (target.subjectType().equals("STAFF") && target.subjectId().equals(inspector.subjectId())) {
            return true;
        }
        return inspector.conflicts().contains(target.ref())
                || (!target.unitId().isEmpty() && inspector.conflicts().contains("UNIT:" + target.unitId()));
    }

    /**
     * The seed of a draw whose seed is a public future value: SHA-256 of the value's
     * UTF-8 text as published.
     */
    public static byte[] seedOfPublicValue(String value) {
        return Canonical.sha256(Canonical.utf8(SnapshotRow.clean(value)));
    }

    /** The commitment to a secret seed: SHA-256 of its 32 bytes, lower-case hex. */
    public static String commitment(byte[] seed) {
        return Canonical.sha256Hex(seed);
    }

    private static byte[] score(Mac mac, String message) {
        return mac.doFinal(Canonical.utf8(NAME + "|" + message));
    }

    private static Mac mac(byte[] seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ties (practically impossible) fall back to the snapshot's canonical order. */
    private record Scored(SnapshotRow row, byte[] score) {
        static final Comparator<Scored> ORDER = ((Comparator<Scored>) (a, b) -> Arrays.compareUnsigned(a.score,
                b.score))
            .thenComparing(Scored::row, DrawSnapshot.ORDER);

    }

}

package org.duban.inspection;

import java.text.Normalizer;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One line of a draw's population snapshot: a target that may be drawn, or an inspector
 * of the pool with the subjects they declared a conflict with. Any source (staff, units,
 * stations, imported cases) feeds the same shape.
 *
 * @param role TARGET or INSPECTOR
 * @param subjectType STAFF, UNIT, STATION, CASE (an inspector is always STAFF)
 * @param subjectId the subject's id in its source (a UUID, a case number …)
 * @param unitId the org unit the subject belongs to; for a UNIT target the unit itself
 * @param label what people read: a name, a station name, a case number
 * @param conflicts for an inspector: declared conflicts as {@code TYPE:ID}; empty for a
 * target
 */
public record SnapshotRow(Role role, String subjectType, String subjectId, String unitId, String label,
        SortedSet<String> conflicts) {

    public enum Role {

        TARGET, INSPECTOR

    }

    public SnapshotRow {
        Objects.requireNonNull(role);
        subjectType = clean(subjectType);
        subjectId = clean(subjectId);
        unitId = clean(unitId);
        label = clean(label);
        if (subjectType.isEmpty() || subjectId.isEmpty()) {
            throw new IllegalArgumentException("subject type and id are required");
        }
        if (subjectId.contains(";") || subjectType.contains(":") || subjectType.contains(";")) {
            throw new IllegalArgumentException("subject ids may not contain ';' and types not ':' or ';'");
        }
        TreeSet<String> sorted = new TreeSet<>(Canonical.UTF8_ORDER);
        if (conflicts != null) {
            conflicts.stream().map(SnapshotRow::clean).filter(c -> !c.isEmpty()).forEach(sorted::add);
        }
        conflicts = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    public static SnapshotRow target(String type, Object id, Object unitId, String label) {
        return new SnapshotRow(Role.TARGET, type, String.valueOf(id), unitId == null ? "" : unitId.toString(), label,
                null);
    }

    public static SnapshotRow inspector(Object staffId, Object unitId, String label,
            java.util.Collection<String> conflicts) {
        return new SnapshotRow(Role.INSPECTOR, "STAFF", String.valueOf(staffId),
                unitId == null ? "" : unitId.toString(), label, conflicts == null ? null : new TreeSet<>(conflicts));
    }

    /** {@code TYPE:ID}, the form in which conflicts name a subject. */
    public String ref() {
        return subjectType + ":" + subjectId;
    }

    /**
     * NFC, control characters (including line breaks) turned into spaces, surrounding
     * white space removed: the same text always serialises to the same bytes.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> b.appendCodePoint(cp < 0x20 || cp == 0x7f ? ' ' : cp));
        return b.toString().strip();
    }
}

package org.duban.inspection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a draw: targets in rank order, each with the inspectors assigned to it.
 */
public record Selection(List<Pick> picks) {

    /**
     * @param eligible how many inspectors of the pool were not excluded for this target
     * (fewer than asked for is a shortfall the work team must resolve by hand, and it is
     * visible to everyone)
     */
    public record Pick(int rank, SnapshotRow target, List<SnapshotRow> inspectors, int eligible) {
    }

    /**
     * One line per pick, {@code rank,TYPE,ID,label,inspector ids separated by ';'}: the
     * text stored with the draw and printed by the verify-draw command, so two runs can
     * be compared with diff.
     */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Pick p : picks) {
            b.append(p.rank())
                .append(',')
                .append(DrawSnapshot.field(p.target().subjectType()))
                .append(',')
                .append(DrawSnapshot.field(p.target().subjectId()))
                .append(',')
                .append(DrawSnapshot.field(p.target().label()))
                .append(',')
                .append(DrawSnapshot
                    .field(p.inspectors().stream().map(SnapshotRow::subjectId).collect(Collectors.joining(";"))))
                .append('\n');
        }
        return b.toString();
    }
}

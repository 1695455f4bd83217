package org.duban.inspection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The frozen population of a draw: targets and the inspector pool with declared
 * conflicts. Its canonical CSV form (see docs/random-draws.md) is what is hashed,
 * published and downloaded; anyone re-running the draw reads it back.
 */
public record DrawSnapshot(List<SnapshotRow> rows) {

    static final String HEADER = "role,subject_type,subject_id,unit_id,label,conflicts";

    /**
     * TARGET rows first, then INSPECTOR rows; within a role by subject type, then subject
     * id (UTF-8 byte order).
     */
    static final Comparator<SnapshotRow> ORDER = Comparator.comparing(SnapshotRow::role)
        .thenComparing(SnapshotRow::subjectType, Canonical.UTF8_ORDER)
        .thenComparing(SnapshotRow::subjectId, Canonical.UTF8_ORDER);

    public DrawSnapshot {
        List<SnapshotRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        Set<String> seen = new HashSet<>();
        for (SnapshotRow row : sorted) {
            if (!seen.add(row.role() + "|" + row.ref())) {
                throw new IllegalArgumentException("duplicate " + row.role() + " " + row.ref());
            }
        }
        rows = List.copyOf(sorted);
    }

    public List<SnapshotRow> targets() {
        return rows.stream().filter(r -> r.role() == SnapshotRow.Role.TARGET).toList();
    }

    public List<SnapshotRow> inspectors() {
        return rows.stream().filter(r -> r.role() == SnapshotRow.Role.INSPECTOR).toList();
    }

    /**
     * The canonical serialisation: UTF-8, no BOM, LF after every line including the last.
     */
    public String csv() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (SnapshotRow r : rows) {
            b.append(r.role().name())
                .append(',')
                .append(field(r.subjectType()))
                .append(',')
                .append(field(r.subjectId()))
                .append(',')
                .append(field(r.unitId()))
                .append(',')
                .append(field(r.label()))
                .append(',')
                .append(field(String.join(";", r.conflicts())))
                .append('\n');
        }
        return b.toString();
    }

    public byte[] bytes() {
        return csv().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical bytes, lower-case hex. */
    public String sha256() {
        return Canonical.sha256Hex(bytes());
    }

    /**
     * Reads a snapshot file. Accepts any row order and CRLF line ends (the hash is always
     * taken over the canonical form), so a file that was re-saved by a spreadsheet still
     * verifies if its content is unchanged.
     */
    public static DrawSnapshot parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = readCsv(body);
        if (records.isEmpty() || !String.join(",", records.get(0)).equals(HEADER)) {
            throw new IllegalArgumentException("the first line must be: " + HEADER);
        }
        List<SnapshotRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() == 1 && f.get(0).isEmpty()) {
                continue;
            }
            if (f.size() != 6) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 6 fields, found " + f.size());
            }
            SnapshotRow.Role role;
            try {
                role = SnapshotRow.Role.valueOf(f.get(0));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown role " + f.get(0));
            }
            TreeSet<String> conflicts = new TreeSet<>();
            for (String c : f.get(5).split(";")) {
                if (!c.isBlank()) {
                    conflicts.add(c);
                }
            }
            rows.add(new SnapshotRow(role, f.get(1), f.get(2), f.get(3), f.get(4), conflicts));
        }
        return new DrawSnapshot(rows);
    }

    /**
     * RFC 4180 quoting, used only where needed: a field with a comma or a double quote.
     */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static List<List<String>> readCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    }
                    else {
                        quoted = false;
                    }
                }
                else {
                    cur.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(cur.toString());
                cur.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                any = false;
            }
            else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (any) {
            fields.add(cur.toString());
            records.add(fields);
        }
        return records;
    }
}

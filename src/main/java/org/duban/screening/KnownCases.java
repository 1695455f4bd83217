package org.duban.screening;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cases the table holds before an import, by the hash of their values as last
 * imported: a row of the file whose hash is among them is already there, key and values,
 * and is neither copied nor compared (docs/adr/0215-unchanged-cases-skipped-by-hash.md).
 * The hash covers every contract value, the agency and case number too, so it stands for
 * the key as well; the table is read as ids and hashes only, without a text, into two
 * open-addressing arrays (a million cases: 48 MB instead of 220 MB of map entries and
 * strings, and a quarter of the time).
 *
 * <p>
 * Also what the file touched: its keys (as 64-bit hashes, so that a later row of a key is
 * never skipped and the later line wins as among staged rows), the ids of its skipped
 * rows and its agencies. Used by the copying thread only.
 */
final class KnownCases {

    /**
     * The first 128 bits of the SHA-256 of a case's values: two halves per slot, zero for
     * an empty slot.
     */
    private long[] hashHi;

    private long[] hashLo;

    private long[] ids;

    private int mask;

    private int held;

    private final LongSet fileKeys = new LongSet();

    private final MessageDigest sha256;

    private long[] skippedIds = new long[1024];

    private int skipped;

    private final Set<String> agencies = new TreeSet<>();

    private KnownCases(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 + 1)) << 1);
        sha256 = sha256();
    }

    private void allocate(int capacity) {
        hashHi = new long[capacity];
        hashLo = new long[capacity];
        ids = new long[capacity];
        mask = capacity - 1;
    }

    /**
     * The ids and hashes of the table's cases, read in this transaction through binary
     * COPY; the arrays are sized by the planner's count of the table's rows.
     */
    static KnownCases load(Connection con) throws SQLException {
        long expected;
        try (Statement st = con.createStatement();
                ResultSet rs = st.executeQuery(
                        "select greatest(reltuples, 0)::bigint from pg_class where oid = 'screening_case'::regclass")) {
            rs.next();
            expected = rs.getLong(1);
        }
        KnownCases known = new KnownCases((int) Math.min(expected, 1 << 27));
        // Each row arrives as one message of its own (the file header with the first,
        // the trailer alone), read as it is: through an input stream every row cost a
        // call down the driver for a few dozen bytes.
        CopyOut copy = con.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("copy (select id, substring(row_hash for 16) from screening_case where row_hash is not null) "
                    + "to stdout (format binary)");
        boolean header = true;
        for (byte[] message = copy.readFromCopy(); message != null; message = copy.readFromCopy()) {
            ByteBuffer in = ByteBuffer.wrap(message);
            if (header) {
                in.position(11 + 4); // signature and flags
                in.position(in.position() + 4 + in.getInt(in.position())); // header
                                                                           // extension
                header = false;
            }
            while (in.remaining() >= 2) {
                if (in.getShort() == -1) {
                    break; // the trailer
                }
                in.getInt();
                long id = in.getLong();
                in.getInt();
                known.put(in.getLong(), in.getLong(), id);
            }
        }
        return known;
    }

    /** For a load into the empty table: only the hashes are needed. */
    static KnownCases none() {
        return new KnownCases(0);
    }

    private void put(long hi, long lo, long id) {
        if ((held + 1) * 2 > ids.length) { // more cases than the estimate
            long[] hi0 = hashHi;
            long[] lo0 = hashLo;
            long[] id0 = ids;
            allocate(ids.length * 2);
            held = 0;
            for (int j = 0; j < id0.length; j++) {
                if (hi0[j] != 0 || lo0[j] != 0) {
                    put(hi0[j], lo0[j], id0[j]);
                }
            }
        }
        held++;
        int i = slot(hi, lo);
        hashHi[i] = hi;
        hashLo[i] = lo;
        ids[i] = id;
    }

    /** The slot holding the hash, or the empty one where it would go. */
    private int slot(long hi, long lo) {
        int i = (int) (lo ^ (lo >>> 32)) & mask;
        while ((hashHi[i] != 0 || hashLo[i] != 0) && (hashHi[i] != hi || hashLo[i] != lo)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /**
     * Whether the row is a case the table already holds with exactly these values, and
     * its key's first row in the file: only then may it be skipped.
     */
    boolean unchanged(String agency, String caseNo, byte[] hash) {
        agencies.add(agency);
        if (!fileKeys.add(keyHash(agency, caseNo))) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(hash);
        long hi = b.getLong();
        long lo = b.getLong();
        int i = slot(hi, lo);
        if (hashHi[i] == 0 && hashLo[i] == 0) {
            return false;
        }
        if (skipped == skippedIds.length) {
            skippedIds = Arrays.copyOf(skippedIds, skipped * 2);
        }
        skippedIds[skipped++] = ids[i];
        return true;
    }

    /**
     * Distinct agency and case number pairs of the file (by a 64-bit hash: a collision,
     * about one in 10⁷ files of a million cases, counts two keys as one).
     */
    long fileKeys() {
        return fileKeys.size();
    }

    /** Ids of the rows skipped as unchanged. */
    long[] skippedIds() {
        return Arrays.copyOf(skippedIds, skipped);
    }

    long skippedCount() {
        return skipped;
    }

    /** The agencies of the file's readable rows, in order. */
    Set<String> agencies() {
        return agencies;
    }

    /**
     * The SHA-256 of a row's canonical values: each one a marker (null or not) and its
     * UTF-8 bytes ended by 0xFF, which UTF-8 never contains, so that no two rows share an
     * input.
     */
    byte[] hash(String[] values) {
        for (String v : values) {
            if (v == null) {
                sha256.update((byte) 0);
            }
            else {
                sha256.update((byte) 1);
                sha256.update(v.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0xFF);
            }
        }
        return sha256.digest();
    }

    /** FNV-1a over the characters of agency, a separator and case number, then mixed. */
    static long keyHash(String agency, String caseNo) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < agency.length(); i++) {
            h = (h ^ agency.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0xFFFF) * 0x100000001b3L;
        for (int i = 0; i < caseNo.length(); i++) {
            h = (h ^ caseNo.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A growing open-addressing set of longs (0 stored aside). */
    private static final class LongSet {

        private long[] slots = new long[1 << 12];

        private int size;

        private boolean zero;

        boolean add(long v) {
            if (v == 0) {
                boolean added = !zero;
                zero = true;
                size += added ? 1 : 0;
                return added;
            }
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
            return true;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long v : old) {
                if (v != 0) {
                    int i = (int) (v ^ (v >>> 32)) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = v;
                }
            }
        }

    }

}

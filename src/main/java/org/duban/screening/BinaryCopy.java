package org.duban.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Writes rows in PostgreSQL's binary COPY format
 * ({@code COPY … FROM STDIN (FORMAT binary)}), from the canonical text of the contract's
 * cells (ISO dates, plain numbers, {@code t}/{@code f}). Binary rather than text because
 * the server then stores the values as they come instead of parsing every date, number
 * and flag again: on a million cases that parsing was most of the server's share of the
 * import (docs/screening.md).
 *
 * <p>
 * How each column is encoded is read from the table itself ({@link #kinds}), so a column
 * whose type changes in a migration is encoded accordingly, or refused here if it has a
 * type this class does not write.
 */
final class BinaryCopy {

    /**
     * The encodings written; each matches the binary input function of its PostgreSQL
     * type.
     */
    enum Kind {

        TEXT, DATE, INT4, INT8, NUMERIC, BOOL, UUID

    }

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

    /** Days from 1970-01-01 (Java's epoch day) to 2000-01-01 (PostgreSQL's). */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final OutputStream out;

    private final byte[] buffer = new byte[1 << 16];

    private int pos;

    BinaryCopy(OutputStream out) throws IOException {
        this.out = out;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        pos = SIGNATURE.length;
        int4(0); // flags
        int4(0); // header extension length
    }

    /** The encoding of each named column of {@code table}, in the order given. */
    static Kind[] kinds(Connection con, String table, List<String> columns) throws SQLException {
        Kind[] kinds = new Kind[columns.size()];
        try (PreparedStatement st = con.prepareStatement(
                "select format_type(atttypid, null) from pg_attribute where attrelid = ?::regclass and attname = ? "
                        + "and not attisdropped")) {
            for (int i = 0; i < columns.size(); i++) {
                st.setString(1, table);
                st.setString(2, columns.get(i));
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException(table + " has no column " + columns.get(i));
                    }
                    kinds[i] = switch (rs.getString(1)) {
                        case "character varying", "text", "character" -> Kind.TEXT;
                        case "date" -> Kind.DATE;
                        case "integer" -> Kind.INT4;
                        case "bigint" -> Kind.INT8;
                        case "numeric" -> Kind.NUMERIC;
                        case "boolean" -> Kind.BOOL;
                        case "uuid" -> Kind.UUID;
                        default -> throw new IllegalStateException(
                                table + "." + columns.get(i) + ": no binary encoding for " + rs.getString(1));
                    };
                }
            }
        }
        return kinds;
    }

    void startRow(int fields) throws IOException {
        ensure(2);
        buffer[pos++] = (byte) (fields >>> 8);
        buffer[pos++] = (byte) fields;
    }

    /** One field from its canonical text; null writes SQL NULL. */
    void field(Kind kind, String value) throws IOException {
        if (value == null) {
            ensure(4);
            int4(-1);
            return;
        }
        switch (kind) {
            case TEXT -> text(value);
            case DATE -> date(value);
            case INT4 -> {
                ensure(8);
                int4(4);
                int4(Integer.parseInt(value));
            }
            case INT8 -> int8(Long.parseLong(value));
            case NUMERIC -> numeric(value);
            case BOOL -> {
                ensure(5);
                int4(1);
                buffer[pos++] = (byte) (value.equals("t") ? 1 : 0);
            }
            case UUID -> uuid(java.util.UUID.fromString(value));
        }
    }

    void int8(long value) throws IOException {
        ensure(12);
        int4(8);
        int4((int) (value >>> 32));
        int4((int) value);
    }

    void uuid(UUID value) throws IOException {
        if (value == null) {
            ensure(4);
            int4(-1);
            return;
        }
        ensure(20);
        int4(16);
        long hi = value.getMostSignificantBits();
        long lo = value.getLeastSignificantBits();
        int4((int) (hi >>> 32));
        int4((int) hi);
        int4((int) (lo >>> 32));
        int4((int) lo);
    }

    /** A {@code bytea} field (short: a hash). */
    void bytes(byte[] value) throws IOException {
        ensure(4 + value.length);
        int4(value.length);
        System.arraycopy(value, 0, buffer, pos, value.length);
        pos += value.length;
    }

    private void text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(4);
        int4(bytes.length);
        if (bytes.length > buffer.length - pos) {
            out.write(buffer, 0, pos);
            pos = 0;
            if (bytes.length > buffer.length) { // a long text (facts may have 100,000
                                                // characters)
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, pos, bytes.length);
        pos += bytes.length;
    }

    /** {@code yyyy-MM-dd} (already checked by the contract) as days since 2000-01-01. */
    private void date(String iso) throws IOException {
        int year = Integer.parseInt(iso, 0, 4, 10);
        int month = Integer.parseInt(iso, 5, 7, 10);
        int day = Integer.parseInt(iso, 8, 10, 10);
        ensure(8);
        int4(4);
        int4((int) (LocalDate.of(year, month, day).toEpochDay() - PG_EPOCH_DAY));
    }

    /**
     * A non-negative plain decimal with at most two decimals (the contract's amounts) in
     * PostgreSQL's numeric layout: base-10000 digits with the weight of the first, sign
     * and display scale. The column's typmod (numeric(12, 2)) is applied by the server as
     * for text input.
     */
    private void numeric(String plain) throws IOException {
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String decimals = dot < 0 ? "" : plain.substring(dot + 1);
        if (decimals.length() > 2 || plain.startsWith("-")) {
            throw new IllegalArgumentException("not a contract amount: " + plain);
        }
        long integer = whole.isEmpty() ? 0 : Long.parseLong(whole);
        int cents = decimals.isEmpty() ? 0 : Integer.parseInt((decimals + "0").substring(0, 2));
        short[] digits = new short[6];
        int n = 0;
        for (long rest = integer; rest > 0; rest /= 10_000) {
            n++;
        }
        int weight = n - 1;
        long rest = integer;
        for (int i = n - 1; i >= 0; i--) {
            digits[i] = (short) (rest % 10_000);
            rest /= 10_000;
        }
        if (cents != 0) {
            digits[n++] = (short) (cents * 100); // .XX is the first base-10000 group
                                                 // after the point: XX00
        }
        int first = 0;
        while (first < n && digits[first] == 0) { // leading zero groups (only when the
                                                  // whole part is 0)
            first++;
            weight--;
        }
        while (n > first && digits[n - 1] == 0) { // trailing zero groups
            n--;
        }
        int count = n - first;
        if (count == 0) {
            weight = 0;
        }
        ensure(4 + 8 + 2 * count);
        int4(8 + 2 * count);
        int2(count);
        int2(weight);
        int2(0); // positive
        int2(decimals.length());
        for (int i = first; i < n; i++) {
            int2(digits[i]);
        }
    }

    private void int2(int v) {
        buffer[pos++] = (byte) (v >>> 8);
        buffer[pos++] = (byte) v;
    }

    private void int4(int v) {
        buffer[pos++] = (byte) (v >>> 24);
        buffer[pos++] = (byte) (v >>> 16);
        buffer[pos++] = (byte) (v >>> 8);
        buffer[pos++] = (byte) v;
    }

    /**
     * Room for {@code bytes} more (at most a few dozen: long texts bypass the buffer).
     */
    private void ensure(int bytes) throws IOException {
        if (pos + bytes > buffer.length) {
            out.write(buffer, 0, pos);
            pos = 0;
        }
    }

    /**
     * Writes the trailer and what is buffered; the caller then closes the COPY stream.
     * Not called when the rows could not all be written: the server then refuses the
     * truncated stream and the transaction rolls back.
     */
    void finish() throws IOException {
        ensure(2);
        int2(-1);
        out.write(buffer, 0, pos);
        pos = 0;
        out.flush();
    }

}

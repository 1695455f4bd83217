package org.duban.inspection;

import org.duban.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/** Byte-level helpers of the documented draw algorithm (docs/random-draws.md). */
final class Canonical {

    /**
     * Order of UTF-8 byte sequences, unsigned: the same as code-point order, and as
     * Python's string order.
     */
    static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b));

    private Canonical() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256Hex(byte[] data) {
        return Sha256.hex(data);
    }

    static byte[] sha256(byte[] data) {
        return Sha256.digest(data);
    }

    /** Lower-case hex of exactly 32 bytes, or an IllegalArgumentException. */
    static byte[] hex32(String hex) {
        String h = hex == null ? "" : hex.strip().toLowerCase(java.util.Locale.ROOT);
        if (!h.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected 64 hexadecimal digits");
        }
        return HexFormat.of().parseHex(h);
    }

}

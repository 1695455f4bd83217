package org.duban.complaint;

import org.duban.shared.MasterKey;
import org.duban.shared.SealedBox;
import org.duban.shared.Sha256;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The module's cryptography: AES-GCM for reporters' identities (the complaint id as
 * associated data, so a ciphertext cannot be moved to another complaint), receipt codes,
 * and keyed hashes. One application key from configuration; sub-keys are derived from it
 * by HMAC so that each use has its own key.
 */
@Component
class Secrets {

    static final int RECEIPT_DIGITS = 20;

    private static final BigInteger RECEIPT_RANGE = BigInteger.TEN.pow(RECEIPT_DIGITS);

    private final SecureRandom random = new SecureRandom();

    private final SealedBox identities;

    // Mac instances are not thread-safe and costly to look up: one per thread and use.
    private final ThreadLocal<Mac> receiptMac;

    private final ThreadLocal<Mac> addressMac;

    Secrets(ComplaintSettings settings) {
        MasterKey master = MasterKey.fromBase64(settings.identityKey(), "duban.complaint.identity-key");
        this.identities = master.box("identity-encryption");
        this.receiptMac = macFor(master.derive("receipt-derivation"));
        this.addressMac = macFor(master.derive("address-pseudonym"));
    }

    // ---- identity
    // ---------------------------------------------------------------------------------------------

    byte[] encrypt(String plain, String associatedData) {
        if (plain == null || plain.isBlank()) {
            return null;
        }
        return identities.seal(plain.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    String decrypt(byte[] sealed, String associatedData) {
        return sealed == null ? null : new String(identities.open(sealed, associatedData), StandardCharsets.UTF_8);
    }

    // ---- receipts
    // ---------------------------------------------------------------------------------------------

    /** A fresh receipt: 20 random decimal digits. */
    String newReceipt() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return digits(bytes);
    }

    /**
     * The receipt of a keyed submission: the same key always gives the same receipt,
     * unguessable without the key.
     */
    String receiptFor(String idempotencyKeyHash) {
        return digits(receiptMac.get().doFinal(idempotencyKeyHash.getBytes(StandardCharsets.UTF_8)));
    }

    private static String digits(byte[] bytes) {
        // 128 or more bits reduced modulo 10^20: the bias is below 2^-60.
        String n = new BigInteger(1, bytes).mod(RECEIPT_RANGE).toString();
        return "0".repeat(RECEIPT_DIGITS - n.length()) + n;
    }

    /** 1234-5678-... for display; input is accepted with any separators. */
    static String format(String receipt) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < receipt.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(receipt, i, Math.min(receipt.length(), i + 4));
        }
        return out.toString();
    }

    /** The digits of a typed receipt, or null if it cannot be one. */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        String digits = typed.replaceAll("[\\s\\-]", "");
        return digits.length() == RECEIPT_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? digits : null;
    }

    // ---- hashes
    // -----------------------------------------------------------------------------------------------

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    /**
     * A pseudonym of a client address for counting, so the address itself is kept
     * nowhere.
     */
    String addressPseudonym(String address) {
        byte[] mac = addressMac.get().doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    /** doFinal leaves a Mac reset with its key, ready for the next message. */
    private static ThreadLocal<Mac> macFor(byte[] key) {
        return ThreadLocal.withInitial(() -> MasterKey.newHmacSha256(key));
    }

}

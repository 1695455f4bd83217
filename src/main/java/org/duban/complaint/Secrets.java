package org.duban.complaint;

import org.duban.shared.Sha256;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
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

    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();

    private final SecretKeySpec encryptionKey;

    // Mac and Cipher instances are not thread-safe and costly to look up: one per thread
    // and use, re-initialised
    // (Cipher: with a fresh nonce each time) before every operation.
    private final ThreadLocal<Mac> receiptMac;

    private final ThreadLocal<Mac> addressMac;

    private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    Secrets(ComplaintSettings settings) {
        if (settings.identityKey() == null || settings.identityKey().isBlank()) {
            throw new IllegalStateException("duban.complaint.identity-key must be set (Base64 of 32 random bytes)");
        }
        byte[] master = Base64.getDecoder().decode(settings.identityKey().trim());
        if (master.length != 32) {
            throw new IllegalStateException("duban.complaint.identity-key must decode to 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(hmac(master, "identity-encryption"), "AES");
        this.receiptMac = macFor(hmac(master, "receipt-derivation"));
        this.addressMac = macFor(hmac(master, "address-pseudonym"));
    }

    // ---- identity
    // ---------------------------------------------------------------------------------------------

    byte[] encrypt(String plain, String associatedData) {
        if (plain == null || plain.isBlank()) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = this.cipher.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    String decrypt(byte[] sealed, String associatedData) {
        if (sealed == null) {
            return null;
        }
        try {
            Cipher cipher = this.cipher.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
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

    private static byte[] hmac(byte[] key, String data) {
        return newMac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** doFinal leaves a Mac reset with its key, ready for the next message. */
    private static ThreadLocal<Mac> macFor(byte[] key) {
        return ThreadLocal.withInitial(() -> newMac(key));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}

package org.duban.shared;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The application's key for data at rest (Base64 of 32 random bytes, from configuration,
 * never from the database). Nothing is encrypted with it directly: each use derives its
 * own sub-key by HMAC-SHA256 of a purpose name, so that a ciphertext or a keyed hash made
 * for one purpose is worthless for another.
 */
public final class MasterKey {

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /**
     * @param property the configuration property the key came from, named in the error
     */
    public static MasterKey fromBase64(String base64, String property) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " must be set (Base64 of 32 random bytes)");
        }
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException(property + " must decode to 32 bytes");
        }
        return new MasterKey(key);
    }

    /** The 32-byte sub-key of one purpose. */
    public byte[] derive(String purpose) {
        return newHmacSha256(key).doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** AES-256-GCM with the sub-key of this purpose. */
    public SealedBox box(String purpose) {
        return new SealedBox(derive(purpose));
    }

    /** An HMAC-SHA256 instance keyed with {@code key}; not thread-safe. */
    public static Mac newHmacSha256(byte[] key) {
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

package org.duban.shared;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM for values kept encrypted at rest (a reporter's identity, a second-factor
 * secret). The caller passes associated data naming the row the value belongs to, so that
 * a ciphertext copied to another row no longer opens. Stored form: 12-byte random nonce
 * followed by ciphertext and tag.
 */
public final class SealedBox {

    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();

    private final SecretKeySpec key;

    // Cipher instances are not thread-safe and costly to look up: one per thread,
    // re-initialised (with a fresh nonce when sealing) before every operation.
    private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    SealedBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] seal(byte[] plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = this.cipher.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] open(byte[] sealed, String associatedData) {
        try {
            Cipher cipher = this.cipher.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

}

package org.duban.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key of the audit chain's MACs (HMAC-SHA256), kept outside the database
 * ({@code duban.audit.chain-key}, Base64 of 32 random bytes; under the prod profile from
 * {@code DUBAN_AUDIT_CHAIN_KEY}): whoever can write the table but does not hold the key
 * cannot make a row, or a rewritten chain, that verifies.
 */
@Component
public class AuditKey {

    /**
     * For development and tests only; the prod profile refuses it (security's
     * ProductionSettings).
     */
    public static final String DEVELOPMENT_KEY = "3q0Wb5Qy8m3nqC2yCqk1dJ9cV4pWm6y0fE2uTtN7sKo=";

    private final SecretKeySpec key;

    AuditKey(@Value("${duban.audit.chain-key:" + DEVELOPMENT_KEY + "}") String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("duban.audit.chain-key must decode to at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    static AuditKey development() {
        return new AuditKey(DEVELOPMENT_KEY);
    }

    String mac(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Constant-time comparison, so a verification's timing tells nothing about a
     * near-miss MAC.
     */
    static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

}

package org.duban.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords as authenticator apps make them: RFC 6238 with
 * HMAC-SHA-1, 30-second steps and 6 digits (the only parameters every app supports). A
 * code is accepted for the step before and after the current one, for clocks a little
 * apart and for a code typed as its step ends.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);

    static final int DIGITS = 6;

    /** Steps accepted on each side of the current one. */
    static final int TOLERANCE = 1;

    private final int digits;

    private final String algorithm;

    Totp() {
        this(DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    /** Other lengths and algorithms only for checking against the RFC's test vectors. */
    Totp(int digits, String algorithm) {
        this.digits = digits;
        this.algorithm = algorithm;
    }

    static long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of the step that contains {@code at}. */
    String codeAt(byte[] secret, Instant at) {
        // A generator per call: it holds a Mac, which is not thread-safe.
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, algorithm), at, Locale.ROOT);
        }
        catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step, within the tolerance around {@code now}, whose code {@code typed} is; the
     * newest such step when several match (they practically never do).
     */
    OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        if (typed == null || typed.length() != digits || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        for (long step = current + TOLERANCE; step >= current - TOLERANCE; step--) {
            String expected = codeAt(secret, Instant.ofEpochSecond(step * STEP.getSeconds()));
            // Constant time: the comparison tells nothing about how many digits matched.
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

}

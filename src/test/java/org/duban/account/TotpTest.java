package org.duban.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier against RFC 6238 appendix B, and its tolerance. */
class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SEED_SHA512 = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    private static final long[] TIMES = { 59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L };

    @Test
    void matchesTheRfc6238TestVectors() {
        String[] sha1 = { "94287082", "07081804", "14050471", "89005924", "69279037", "65353130" };
        String[] sha256 = { "46119246", "68084774", "67062674", "91819424", "90698825", "77737706" };
        String[] sha512 = { "90693936", "25091201", "99943326", "93441116", "38618901", "47863826" };
        Totp one = new Totp(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        Totp two = new Totp(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256);
        Totp five = new Totp(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512);
        for (int i = 0; i < TIMES.length; i++) {
            Instant at = Instant.ofEpochSecond(TIMES[i]);
            assertThat(one.codeAt(SEED_SHA1, at)).as("SHA-1 at " + TIMES[i]).isEqualTo(sha1[i]);
            assertThat(two.codeAt(SEED_SHA256, at)).as("SHA-256 at " + TIMES[i]).isEqualTo(sha256[i]);
            assertThat(five.codeAt(SEED_SHA512, at)).as("SHA-512 at " + TIMES[i]).isEqualTo(sha512[i]);
            // The six digits authenticator apps show are the last six of the same number.
            assertThat(new Totp().codeAt(SEED_SHA1, at)).isEqualTo(sha1[i].substring(2));
        }
    }

    @Test
    void acceptsTheStepBeforeAndAfterButNoFurther() {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = Totp.stepOf(now);
        for (int offset = -1; offset <= 1; offset++) {
            String code = totp.codeAt(SEED_SHA1, now.plus(Totp.STEP.multipliedBy(offset)));
            assertThat(totp.matchingStep(SEED_SHA1, code, now)).isEqualTo(OptionalLong.of(step + offset));
        }
        for (int offset : new int[] { -2, 2 }) {
            String code = totp.codeAt(SEED_SHA1, now.plus(Totp.STEP.multipliedBy(offset)));
            assertThat(totp.matchingStep(SEED_SHA1, code, now)).as("offset " + offset).isEmpty();
        }
    }

    @Test
    void refusesAnythingButSixDigits() {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(59);
        assertThat(totp.matchingStep(SEED_SHA1, "287082", now)).isPresent();
        for (String bad : new String[] { null, "", "28708", "2870820", "28708a", "２８７０８２", " 287082" }) {
            assertThat(totp.matchingStep(SEED_SHA1, bad, now)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void base32FollowsRfc4648() {
        String[][] vectors = { { "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" }, { "foob", "MZXW6YQ" },
                { "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI" } };
        for (String[] v : vectors) {
            assertThat(Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
            assertThat(new String(Base32.decode(v[1].toLowerCase()), StandardCharsets.US_ASCII)).isEqualTo(v[0]);
        }
        assertThat(Base32.decode("MZXW 6YTB OI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

}

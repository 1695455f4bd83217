package org.duban.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How tests sign in as the demonstration administrator, whose second factor is enrolled
 * with the secret the README publishes ({@link AccountDemoLoader#ADMIN_SECRET}). Each
 * step's code is accepted once per account, so the codes handed out are tracked across
 * the whole test JVM: each call gets a step not handed out before, at most one step ahead
 * of the clock (the server's tolerance), and waits for the clock when three sign-ins in
 * one step have used them up.
 */
public final class DemoSecondFactor {

    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private DemoSecondFactor() {
    }

    /** A fresh code of {@code admin}'s factor. */
    public static String adminCode() {
        return nextCode("admin", Base32.decode(AccountDemoLoader.ADMIN_SECRET));
    }

    /** A fresh code of any account whose secret the test knows (as base32). */
    public static String nextCode(String login, String base32Secret) {
        return nextCode(login, Base32.decode(base32Secret));
    }

    /**
     * A six-digit code that is the code of no step near now (so it cannot pass by
     * chance), without using up a step.
     */
    public static String wrongCode(String base32Secret) {
        byte[] secret = Base32.decode(base32Secret);
        long now = Totp.stepOf(Instant.now());
        java.util.Set<String> near = new java.util.HashSet<>();
        for (long step = now - 3; step <= now + 3; step++) {
            near.add(new Totp().codeAt(secret, Instant.ofEpochSecond(step * Totp.STEP.getSeconds())));
        }
        for (int n = 0;; n++) {
            String candidate = String.format("%06d", n);
            if (!near.contains(candidate)) {
                return candidate;
            }
        }
    }

    static synchronized String nextCode(String login, byte[] secret) {
        long step = Math.max(Totp.stepOf(Instant.now()), LAST_STEP.getOrDefault(login, Long.MIN_VALUE) + 1);
        while (step > Totp.stepOf(Instant.now()) + Totp.TOLERANCE) {
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(login, step);
        return new Totp().codeAt(secret, Instant.ofEpochSecond(step * Totp.STEP.getSeconds()));
    }

}

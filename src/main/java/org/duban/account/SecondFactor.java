package org.duban.account;

import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A staff member's TOTP factor: enrolled once its first code is typed, then each step's
 * code accepted at most once. The secret itself stays sealed here; checking a code
 * against it is {@link Totp}'s business, so this type sees only the step a code matched.
 */
@AggregateRoot
final class SecondFactor {

    private final UUID staffId;

    private final byte[] sealedSecret;

    private Instant confirmedAt;

    private long lastUsedStep;

    private final long version;

    SecondFactor(UUID staffId, byte[] sealedSecret, Instant confirmedAt, long lastUsedStep, long version) {
        this.staffId = staffId;
        this.sealedSecret = sealedSecret;
        this.confirmedAt = confirmedAt;
        this.lastUsedStep = lastUsedStep;
        this.version = version;
    }

    /** The first valid code confirms the enrolment: the app and the server agree. */
    void confirm(OptionalLong matchedStep, Instant now) {
        if (confirmed()) {
            throw new BusinessRuleViolation("account.secondFactor.alreadyEnrolled");
        }
        use(matchedStep);
        confirmedAt = now;
    }

    /**
     * A code of a confirmed factor: refused when it matched no step, or a step whose code
     * was already accepted (a replay, or an older code after a newer one).
     */
    void accept(OptionalLong matchedStep) {
        if (!confirmed()) {
            throw new BusinessRuleViolation("account.secondFactor.notEnrolled");
        }
        use(matchedStep);
    }

    private void use(OptionalLong matchedStep) {
        if (matchedStep.isEmpty()) {
            throw new BusinessRuleViolation("account.code.wrong");
        }
        if (matchedStep.getAsLong() <= lastUsedStep) {
            throw new BusinessRuleViolation("account.code.replayed");
        }
        lastUsedStep = matchedStep.getAsLong();
    }

    /** Administrators must keep a second factor; others may give theirs up. */
    static void requireMayDisable(boolean administrator) {
        if (administrator) {
            throw new BusinessRuleViolation("account.secondFactor.requiredForAdministrators");
        }
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    UUID staffId() {
        return staffId;
    }

    byte[] sealedSecret() {
        return sealedSecret;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    long lastUsedStep() {
        return lastUsedStep;
    }

    long version() {
        return version;
    }

}

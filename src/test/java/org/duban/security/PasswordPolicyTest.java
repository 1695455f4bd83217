package org.duban.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aShortPasswordIsRefused() {
        assertThat(policy.check("abc123")).contains("password.tooShort");
    }

    @Test
    void aPasswordBeyondBcryptsSeventyTwoBytesIsRefusedRatherThanTruncated() {
        // 25 Chinese characters are 75 bytes in UTF-8.
        assertThat(policy.check("交".repeat(25))).contains("password.tooLong");
    }

    @Test
    void aCommonPasswordIsRefused() {
        assertThat(policy.check("password123")).contains("password.common");
    }

    @Test
    void aReasonablePasswordPasses() {
        assertThat(policy.check("Otog-Front-2023")).isEmpty();
    }
}

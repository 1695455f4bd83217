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
    void theProbesAcceptedPasswordsAreRefused() {
        assertThat(policy.check("qwerty12345")).contains("password.common");
        assertThat(policy.check("Password1!")).contains("password.common");
        assertThat(policy.check("abcdefghij")).contains("password.common");
        assertThat(policy.check("duban-demo")).contains("password.personal");
    }

    @Test
    void theTenThousandMostCommonPasswordsAreShipped() {
        // Entries near the end of the list (rank 9,000 and later), long enough to reach
        // the list check.
        assertThat(policy.check("greedisgood")).contains("password.common");
        assertThat(policy.check("experienced")).contains("password.common");
        assertThat(policy.check("zzzzzzzzzz")).contains("password.common");
    }

    @Test
    void wordsPersonalToTheAccountAreRefused() {
        java.util.List<String> personal = java.util.List.of("zhangwei", "张伟", "鄂托克前旗交通运输局");
        assertThat(policy.check("Zhangwei-2023!", personal)).contains("password.personal");
        assertThat(policy.check("张伟的密码真的很长很长", personal)).contains("password.personal");
        assertThat(policy.check("鄂托克前旗交通运输局2023", personal)).contains("password.personal");
        assertThat(policy.check("Otog-Front-2023", personal)).isEmpty();
    }

    @Test
    void aReasonablePasswordPasses() {
        assertThat(policy.check("Otog-Front-2023")).isEmpty();
    }

}

package org.duban.security;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Minimum length, bcrypt's 72-byte input limit (longer passwords would be silently truncated, so we refuse
 * them), and a blocklist of common passwords. Returns the message key of the first rule broken.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    private final Set<String> blocklist = new HashSet<>();

    PasswordPolicy() {
        try (var in = new ClassPathResource("security/common-passwords.txt").getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    blocklist.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.tooLong");
        }
        if (blocklist.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}

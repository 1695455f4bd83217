package org.duban.security;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Minimum length, bcrypt's 72-byte input limit (longer passwords would be silently
 * truncated, so we refuse them), a blocklist of common passwords (the 10,000 most common
 * of zxcvbn-ts's list, see {@code security/common-passwords-10k.LICENSE.txt}, plus our
 * own for Chinese habits and this application), the same with digits and punctuation
 * stripped from its ends ({@code Password1!} is {@code password}), runs of the alphabet,
 * the digits or a keyboard row, and words personal to the account (login, name, bureau)
 * and "duban". Returns the message key of the first rule broken.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    public static final int MAX_BYTES = 72;

    /** Words no password may contain, whoever sets it. */
    static final List<String> APPLICATION_WORDS = List.of("duban");

    private static final List<String> RUNS = List.of("abcdefghijklmnopqrstuvwxyz", "0123456789",
            "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p");

    private final Set<String> blocklist = new HashSet<>();

    PasswordPolicy() {
        load("security/common-passwords-10k.txt");
        load("security/common-passwords.txt");
    }

    private void load(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    blocklist.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules that need no account: length, common passwords, runs, "duban". */
    public Optional<String> check(String password) {
        return check(password, List.of());
    }

    /**
     * All rules, with the words personal to the account (its login, the person's name,
     * the bureau's name): a password containing any of them (ignoring case) is refused.
     */
    public Optional<String> check(String password, Collection<String> personalWords) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[\\p{Punct}\\d\\s]+|[\\p{Punct}\\d\\s]+$", "");
        if (blocklist.contains(lower) || (core.length() >= 4 && blocklist.contains(core)) || isRun(lower)) {
            return Optional.of("password.common");
        }
        List<String> words = new ArrayList<>(APPLICATION_WORDS);
        personalWords.stream()
            .filter(w -> w != null && w.strip().codePointCount(0, w.strip().length()) >= 2)
            .map(w -> w.strip().toLowerCase(Locale.ROOT))
            .forEach(words::add);
        if (words.stream().anyMatch(lower::contains)) {
            return Optional.of("password.personal");
        }
        return Optional.empty();
    }

    /**
     * One character repeated, or a stretch of the alphabet, the digits or a keyboard row,
     * either way round.
     */
    private static boolean isRun(String lower) {
        if (lower.chars().distinct().count() == 1) {
            return true;
        }
        String reversed = new StringBuilder(lower).reverse().toString();
        return RUNS.stream().anyMatch(run -> run.contains(lower) || run.contains(reversed));
    }

}

package org.duban.shared.database;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One migration sequence, V1 … Vn, in the order the migrations were written. Flyway
 * refuses a version lower than one already applied, so a migration merged with a version
 * below main's latest would fail on every installed database; and an edited migration
 * fails Flyway's checksum validation there. This test catches both before they land:
 * every migration is listed in {@code db/released-migrations.txt} with its checksum,
 * versions run 1, 2, 3 … without gaps, and a listed migration is never edited.
 */
class MigrationSequenceTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void versionsAreContiguousFromOne() throws IOException {
        TreeMap<Integer, String> byVersion = new TreeMap<>();
        for (String name : migrations().keySet()) {
            Matcher m = NAME.matcher(name);
            assertThat(m.matches()).as("migration file name %s is V<n>__<lower_snake_case>.sql", name).isTrue();
            String earlier = byVersion.put(Integer.parseInt(m.group(1)), name);
            assertThat(earlier).as("two migrations with version %s: %s and %s", m.group(1), earlier, name).isNull();
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= byVersion.size(); v++) {
            expected.add(v);
        }
        assertThat(new ArrayList<>(byVersion.keySet())).as("migration versions without gaps").isEqualTo(expected);
    }

    @Test
    void everyMigrationIsListedWithItsChecksumInVersionOrder() throws IOException {
        Map<String, String> onDisk = migrations();
        Map<String, String> released = released();
        assertThat(released.keySet()).as("db/released-migrations.txt lists every migration, in version order")
            .containsExactlyElementsOf(sortedByVersion(onDisk.keySet()));
        released.forEach((name, checksum) -> assertThat(onDisk.get(name))
            .as("%s has landed and must not change; write a new migration instead", name)
            .isEqualTo(checksum));
    }

    private static List<String> sortedByVersion(Iterable<String> names) {
        TreeMap<Integer, String> sorted = new TreeMap<>();
        for (String name : names) {
            Matcher m = NAME.matcher(name);
            sorted.put(m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE, name);
        }
        return new ArrayList<>(sorted.values());
    }

    private static Map<String, String> migrations() throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            String text = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8).replace("\r", "");
            checksums.put(r.getFilename(), sha256(text).substring(0, 16));
        }
        return checksums;
    }

    private static Map<String, String> released() throws IOException {
        Map<String, String> released = new LinkedHashMap<>();
        Resource list = new PathMatchingResourcePatternResolver().getResource("classpath:db/released-migrations.txt");
        for (String line : list.getContentAsString(StandardCharsets.UTF_8).lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            released.put(parts[1], parts[0]);
        }
        return released;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

package org.duban.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User-facing text lives in the message bundles, in Chinese and English. Fails on a key
 * used in a template but missing from a bundle, on a key present in one language only,
 * and on Chinese text written into Java code or templates (reference and demonstration
 * data belong in data files).
 */
class MessagesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    static final Pattern JAVA_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeys() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle for " + zh).exists();
                assertThat(load(en).stringPropertyNames()).as(en.toString())
                    .containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
            }
        }
    }

    /**
     * A key defined twice is answered by whichever definition is read last (in one file)
     * or first (across the bundles): a progress column was once headed by an error
     * message that way.
     */
    @Test
    void everyKeyIsDefinedOnceInEachLanguage() throws IOException {
        for (String language : List.of("", "_en")) {
            Map<String, String> seen = new java.util.HashMap<>();
            List<String> twice = new ArrayList<>();
            try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
                for (Path bundle : files
                    .filter(p -> p.getFileName().toString().matches("[a-z]+" + language + "\\.properties"))
                    .sorted()
                    .toList()) {
                    for (String line : Files.readAllLines(bundle)) {
                        int eq = line.indexOf('=');
                        if (line.isBlank() || line.startsWith("#") || eq < 0) {
                            continue;
                        }
                        String key = line.substring(0, eq).strip();
                        String before = seen.put(key, bundle.getFileName().toString());
                        if (before != null) {
                            twice.add(key + " in " + before + " and " + bundle.getFileName());
                        }
                    }
                }
            }
            assertThat(twice).as("keys defined more than once").isEmpty();
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = allKeys();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(t));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesCarryNoChineseText() throws IOException {
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertThat(HAN.matcher(Files.readString(t)).find()).as(t + " contains Chinese text").isFalse();
            }
        }
    }

    @Test
    void javaCodeCarriesNoChineseStringLiterals() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    String code = line.strip();
                    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = JAVA_STRING.matcher(code);
                    while (m.find()) {
                        if (HAN.matcher(m.group()).find() && !isPattern(code)) {
                            offenders.add(source.getFileName() + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Validation patterns and data-format words (a CSV header "案号") are contracts, not
     * user-facing text.
     */
    private static boolean isPattern(String line) {
        return line.contains("regexp") || line.contains("@ContractWord");
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path p : files.toList()) {
                keys.addAll(load(p).stringPropertyNames());
            }
        }
        return keys;
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

}

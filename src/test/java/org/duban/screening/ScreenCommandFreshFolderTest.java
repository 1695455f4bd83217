package org.duban.screening;

import org.duban.DubanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar duban.jar screen …} in a fresh folder: the embedded database is
 * created there, and the findings are about the file's cases only; the demonstration data
 * (whose cases are numbered 〔2023〕) is never loaded (issue 16: 82 demonstration findings
 * had leaked into a user's findings.csv).
 */
class ScreenCommandFreshFolderTest {

    @Test
    void aCommandInAFreshFolderWritesOnlyFindingsAboutTheFilesCases(@TempDir Path dir) throws Exception {
        Path benchmark = dir.resolve("benchmark.csv");
        Files.copy(new ClassPathResource("screening/benchmark.csv").getInputStream(), benchmark);
        CaseGenerator.Plan plan = new CaseGenerator.Plan();
        plan.cases = 4_000;
        plan.perCaseRule = 3;
        plan.from = java.time.LocalDate.of(2024, 1, 1); // case numbers 〔2024〕, none
                                                        // shared with the demonstration's
        Path cases = dir.resolve("cases.csv");
        try (BufferedWriter out = Files.newBufferedWriter(cases, StandardCharsets.UTF_8)) {
            new CaseGenerator(plan).write(out);
        }
        Set<String> fileCases = new HashSet<>();
        for (String line : Files.readAllLines(cases).subList(1, Files.readAllLines(cases).size())) {
            fileCases.add(line.substring(0, line.indexOf(',')));
        }
        Path findings = dir.resolve("findings.csv");

        String before = System.getProperty("duban.database.data-dir");
        System.setProperty("duban.database.data-dir", dir.resolve("data/pg").toString());
        int code;
        try {
            code = DubanApplication.runCommand("screen", List.of("--benchmark", benchmark.toString(), "--cases",
                    cases.toString(), "--out", findings.toString()));
        }
        finally {
            if (before == null) {
                System.clearProperty("duban.database.data-dir");
            }
            else {
                System.setProperty("duban.database.data-dir", before);
            }
        }

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(findings, StandardCharsets.UTF_8);
        assertThat(lines.size()).as("findings of the planted patterns").isGreaterThan(30);
        Set<String> subjectRules = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = csv(line);
            for (String caseNo : fields.get(5).split(";")) {
                assertThat(fileCases).as("case of finding " + line).contains(caseNo);
            }
            if (!fields.get(0).equals("CASE")) {
                assertThat(subjectRules.add(fields.get(3) + " " + fields.get(0) + " " + fields.get(1)))
                    .as("one finding per subject and rule: " + line)
                    .isTrue();
            }
        }
        assertThat(String.join("\n", lines)).doesNotContain("〔2023〕");
    }

    /** The fields of one findings.csv line (quotes as Findings.csv writes them). */
    static List<String> csv(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                }
                else if (ch == '"') {
                    quoted = false;
                }
                else {
                    f.append(ch);
                }
            }
            else if (ch == '"') {
                quoted = true;
            }
            else if (ch == ',') {
                fields.add(f.toString());
                f.setLength(0);
            }
            else {
                f.append(ch);
            }
        }
        fields.add(f.toString());
        return fields;
    }

}

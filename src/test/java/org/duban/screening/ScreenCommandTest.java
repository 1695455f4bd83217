package org.duban.screening;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DubanTest
class ScreenCommandTest {

    @Autowired
    ScreenCommand command;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void streams() {
        ScreeningTestData.clear(jdbc);
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @Test
    void screensFilesIntoFindingsCsvReportingBadRowsOnStandardError(@TempDir Path dir) throws Exception {
        Path benchmark = dir.resolve("benchmark.csv");
        Files.copy(new ClassPathResource("screening/benchmark.csv").getInputStream(), benchmark);
        Path cases = dir.resolve("cases.csv");
        Files.writeString(cases, "\uFEFF" + ScreeningPagesTest.HEADER + ScreeningPagesTest.GOOD
                + "X-2,旗交通运输综合行政执法大队,执法大队一中队,2023/05/06,DRIVER_NO_CERTIFICATE,,一般,个人,李四,,蒙K1,600,普通,是,否,1,,银行代收,\n");
        Path findings = dir.resolve("findings.csv");
        int code = command.run(List.of("--benchmark", benchmark.toString(), "--cases", cases.toString(), "--out",
                findings.toString()));
        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cases.csv:3: 决定日期");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("screen: 2 cases read, 1 new, 0 updated, 1 rejected");
        List<String> lines = Files.readAllLines(findings);
        assertThat(lines.get(0)).isEqualTo("subject_type,subject_id,category,rule,severity,case_nos,explanation");
        assertThat(lines).contains("CASE,鄂前交罚〔2023〕1号,ROUGH,RIGHTS_NOT_NOTIFIED,MEDIUM,鄂前交罚〔2023〕1号,"
                + "案件鄂前交罚〔2023〕1号罚款600元，未告知当事人陈述、申辩权利。");
        assertThat(jdbc.sql("select trigger from screening_run").query(String.class).single()).isEqualTo("COMMAND");
    }

    @Test
    void screensOnlyTheCasesOfTheFileGivenUnlessAskedForAll(@TempDir Path dir) throws Exception {
        Path benchmark = dir.resolve("benchmark.csv");
        Files.copy(new ClassPathResource("screening/benchmark.csv").getInputStream(), benchmark);
        // Cases already in the database from another file: one without rights notified.
        Path earlier = dir.resolve("earlier.csv");
        Files.writeString(earlier, ScreeningPagesTest.HEADER + ScreeningPagesTest.GOOD.replace("〔2023〕1号", "〔2022〕7号"));
        try (var in = Files.newInputStream(earlier)) {
            imports.importCases(imports.start("CASES", "earlier.csv", Files.size(earlier), "test"), in, false);
        }
        Path cases = dir.resolve("cases.csv");
        Files.writeString(cases, ScreeningPagesTest.HEADER + ScreeningPagesTest.GOOD);
        Path findings = dir.resolve("findings.csv");

        assertThat(command.run(List.of("--benchmark", benchmark.toString(), "--cases", cases.toString(), "--out",
                findings.toString())))
            .isZero();
        String written = Files.readString(findings);
        assertThat(written).contains("鄂前交罚〔2023〕1号").doesNotContain("〔2022〕7号");

        assertThat(command.run(List.of("--benchmark", benchmark.toString(), "--cases", cases.toString(), "--out",
                findings.toString(), "--all")))
            .isZero();
        assertThat(Files.readString(findings)).contains("鄂前交罚〔2023〕1号").contains("鄂前交罚〔2022〕7号");
        // The cases themselves stay in the database either way.
        assertThat(jdbc.sql("select count(*) from screening_case").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void unusableArgumentsOrUnreadableFilesExitWithTwo(@TempDir Path dir) throws Exception {
        assertThat(command.run(List.of("--cases"))).isEqualTo(2);
        assertThat(command.run(List.of("--benchmark", "b.csv", "--cases", "c.csv"))).isEqualTo(2);
        assertThat(command.run(List.of("--benchmark", dir.resolve("none.csv").toString(), "--cases",
                dir.resolve("none.csv").toString(), "--out", dir.resolve("f.csv").toString())))
            .isEqualTo(2);
        Path notATable = dir.resolve("cases.csv");
        Files.writeString(notATable, "hello,world\n1,2\n");
        Path benchmark = dir.resolve("benchmark.csv");
        Files.copy(new ClassPathResource("screening/benchmark.csv").getInputStream(), benchmark);
        assertThat(command.run(List.of("--benchmark", benchmark.toString(), "--cases", notATable.toString(), "--out",
                dir.resolve("f.csv").toString())))
            .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少必需的列");
    }

}

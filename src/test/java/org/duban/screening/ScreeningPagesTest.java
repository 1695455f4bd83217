package org.duban.screening;

import org.duban.support.DubanTest;
import org.duban.support.WithUnitStaff;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
class ScreeningPagesTest {

    static final String HEADER = "案号,执法机构,执法中队,决定日期,违法行为代码,违法行为,情节,当事人类型,当事人,证件号码,车牌号,罚款(元),"
            + "程序,告知陈述申辩,告知听证,执法人员1,执法人员2,缴款方式,备注\n";
    static final String GOOD = "鄂前交罚〔2023〕1号,旗交通运输综合行政执法大队,执法大队一中队,2023-05-06,DRIVER_NO_CERTIFICATE,"
            + "未取得从业资格证从事道路运输,一般,个人,张三,150627198001011234,蒙K12345,600,普通,否,否,15062710001,15062710002,银行代收,x\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @Autowired
    Screening screening;

    @BeforeEach
    void empty() throws Exception {
        ScreeningTestData.clear(jdbc);
        ScreeningTestData.benchmark(imports);
    }

    private UUID upload(String csv) throws Exception {
        String location = mvc
            .perform(multipart("/screening/imports")
                .file(new MockMultipartFile("file", "cases.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "CASES")
                .with(csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .user(workTeam())))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        for (int i = 0; i < 100 && !"DONE".equals(importStatus(id)); i++) {
            Thread.sleep(100);
        }
        assertThat(importStatus(id)).isEqualTo("DONE");
        return id;
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void aQuotedHeaderHoldingALineBreakDoesNotBreakTheImportPage() throws Exception {
        // An unknown column named "备<newline>注": its warning used to be stored over two
        // lines, and the import's
        // page answered 500 from then on.
        UUID id = upload(HEADER.replace(",备注\n", ",\"备\n注\"\n") + GOOD);
        mvc.perform(get("/screening/imports/" + id)
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(workTeam())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("备 注")));
    }

    @org.junit.jupiter.api.Test
    void anUnknownAgencyIsWarnedAboutOnTheFirstLoadAsOnLaterOnesEvenWhenItsSquadIsKnown() throws Exception {
        // The squad is an org unit (the case gets its unit), the agency is not:
        // SCREENING.md warns about the agency.
        String csv = HEADER + GOOD.replace("旗交通运输综合行政执法大队", "某未登记的执法机构");
        for (int load = 1; load <= 2; load++) { // into the empty table, then through the
                                                // staging table
            ImportResult result = imports.importCases(imports.start("CASES", "cases.csv", csv.length(), "test"),
                    new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
            assertThat(result.warnings()).as("load %d", load)
                .contains(new ImportResult.Warning("screening.warning.unknownAgency", "某未登记的执法机构"));
        }
        assertThat(jdbc.sql("select count(*) from screening_case where agency = '某未登记的执法机构' and unit_id is not null")
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    private org.springframework.security.core.userdetails.UserDetails workTeam() {
        return users.loadUserByUsername("workteam");
    }

    private String importStatus(UUID id) {
        return jdbc.sql("select status from screening_import where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    @Test
    @WithWorkTeamMember
    void chineseHeadersAndWordsAreReadAndBadRowsAreListedWithLineColumnAndReason() throws Exception {
        UUID id = upload(HEADER + GOOD
                + "鄂前交罚〔2023〕2号,旗交通运输综合行政执法大队,执法大队一中队,2023-02-30,DRIVER_NO_CERTIFICATE,,一般,个人,李四,,蒙K22222,600,普通,是,否,1,2,银行代收,\n"
                + "鄂前交罚〔2023〕3号,旗交通运输综合行政执法大队,执法大队一中队,2023-03-01,DRIVER_NO_CERTIFICATE,,一般,个人,王五,,蒙K33333,-5,普通,是,否,1,2,银行代收,\n"
                + "鄂前交罚〔2023〕4号,旗交通运输综合行政执法大队,执法大队一中队,2023-03-01,DRIVER_NO_CERTIFICATE,,特别,个人,赵六,,蒙K44444,600,普通,是,否,1,2,银行代收,\n");
        mvc.perform(get("/screening/imports/" + id))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("决定日期")))
            .andExpect(content().string(containsString("2023-02-30")))
            .andExpect(content().string(containsString("不能为负数")))
            .andExpect(content().string(containsString("特别")))
            .andExpect(content().string(containsString("未知的列已忽略：备注")));
        assertThat(jdbc
            .sql("select line || ':' || column_name from screening_rejection where import_id = :id order by line")
            .param("id", id)
            .query(String.class)
            .list()).as("the columns as the file's own header names them").containsExactly("3:决定日期", "4:罚款(元)", "5:情节");
        String name = jdbc.sql("select name from staff where login = 'workteam'").query(String.class).single();
        mvc.perform(get("/screening/imports"))
            .andExpect(content().string(containsString("<td>" + name + "</td>")))
            .andExpect(content().string(not(containsString("<td>workteam</td>"))));
        assertThat(jdbc.sql("select circumstance || party_type || procedure || rights_notified from screening_case")
            .query(String.class)
            .single()).isEqualTo("GENERALPERSONORDINARYfalse");
    }

    @Test
    @WithWorkTeamMember
    void reimportingUpdatesTheCaseAndKeepsItsHistory() throws Exception {
        upload(HEADER + GOOD);
        upload(HEADER + GOOD);
        assertThat(jdbc.sql("select count(*) from screening_case").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from screening_case_history").query(Long.class).single()).isZero();
        upload(HEADER + GOOD.replace(",600,", ",800,"));
        assertThat(jdbc.sql("select fine::int from screening_case").query(Integer.class).single()).isEqualTo(800);
        assertThat(jdbc.sql("select (old_values->>'fine')::numeric::int from screening_case_history")
            .query(Integer.class)
            .single()).isEqualTo(600);
    }

    @Test
    @WithWorkTeamMember
    void aCaseTwiceInOneFileIsImportedOnceWithTheLaterLine() throws Exception {
        upload(HEADER + GOOD + GOOD.replace(",600,", ",700,"));
        assertThat(jdbc.sql("select fine::int from screening_case").query(Integer.class).single()).isEqualTo(700);
    }

    @Test
    void theFirstSheetOfAnXlsxWorkbookImportsLikeCsv() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet();
            String[] header = HEADER.strip().split(",");
            String[] row = GOOD.strip().split(",");
            var h = sheet.createRow(0);
            var r = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                if (header[i].equals("决定日期")) {
                    var cell = r.createCell(i);
                    cell.setCellValue(java.time.LocalDate.parse(row[i]));
                    var style = workbook.createCellStyle();
                    style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
                    cell.setCellStyle(style);
                }
                else if (header[i].equals("罚款(元)")) {
                    r.createCell(i).setCellValue(Double.parseDouble(row[i]));
                }
                else if (i < row.length) {
                    r.createCell(i).setCellValue(row[i]);
                }
            }
            workbook.write(bytes);
        }
        ImportResult result = imports.importCases(imports.start("CASES", "cases.xlsx", bytes.size(), "test"),
                new java.io.ByteArrayInputStream(bytes.toByteArray()), true);
        assertThat(result.rejections()).isEmpty();
        assertThat(jdbc.sql("select decided_on::text || ' ' || fine::int from screening_case")
            .query(String.class)
            .single()).isEqualTo("2023-05-06 600");
    }

    @Test
    @WithWorkTeamMember
    void aFindingExplainsItselfMasksIdentityNumbersAndCanBeDismissedOnlyWithAReason() throws Exception {
        upload(HEADER + GOOD);
        screening.run(Screening.Trigger.WEB, "workteam", null);
        UUID finding = jdbc.sql("select id from screening_finding where rule = 'RIGHTS_NOT_NOTIFIED'")
            .query(UUID.class)
            .single();
        mvc.perform(get("/screening/findings"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("案件鄂前交罚〔2023〕1号罚款600元，未告知当事人陈述、申辩权利。")));
        long caseId = jdbc.sql("select id from screening_case").query(Long.class).single();
        mvc.perform(get("/screening/cases/" + caseId))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("150627********1234")))
            .andExpect(content().string(not(containsString("150627198001011234"))));
        mvc.perform(post("/screening/findings/" + finding + "/dismiss").with(csrf())
            .param("reason", " ")
            .param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(findingStatus(finding)).isEqualTo("OPEN");
        mvc.perform(post("/screening/findings/" + finding + "/dismiss").with(csrf())
            .param("reason", "已补正告知书")
            .param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(findingStatus(finding)).isEqualTo("DISMISSED");
        // The dismissal stands when the next run finds the same signal.
        screening.run(Screening.Trigger.WEB, "workteam", null);
        assertThat(jdbc
            .sql("select f.status from screening_finding f join screening_run r on r.id = f.run_id "
                    + "where f.rule = 'RIGHTS_NOT_NOTIFIED' order by r.started_at desc limit 1")
            .query(String.class)
            .single()).isEqualTo("DISMISSED");
    }

    @Test
    @WithWorkTeamMember
    void aFindingTurnsIntoAConfidentialProblemFromRiskScreening() throws Exception {
        upload(HEADER + GOOD);
        screening.run(Screening.Trigger.WEB, "workteam", null);
        UUID finding = jdbc.sql("select id from screening_finding where rule = 'RIGHTS_NOT_NOTIFIED'")
            .query(UUID.class)
            .single();
        mvc.perform(post("/screening/findings/" + finding + "/problem").with(csrf()).param("version", "0"))
            .andExpect(status().is3xxRedirection());
        assertThat(findingStatus(finding)).isEqualTo("PROBLEM");
        assertThat(jdbc.sql("select source || ' ' || category from problem where source_ref = :ref")
            .param("ref", finding.toString())
            .query(String.class)
            .single()).isEqualTo("RISK_SCREENING ROUGH");
        UUID problem = jdbc.sql("select id from problem where source_ref = :ref")
            .param("ref", finding.toString())
            .query(UUID.class)
            .single();
        mvc.perform(get("/problems/" + problem))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"/screening/findings/" + finding + "\"")));
    }

    @Test
    @WithUnitStaff
    void unitStaffDoNotSeeFindingsAboutOfficers() throws Exception {
        jdbc.sql(
                "insert into screening_run (id, started_by, trigger, started_at, status) values (gen_random_uuid(), 't', 'WEB', now(), 'DONE')")
            .update();
        UUID unit = jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-1'").query(UUID.class).single();
        jdbc.sql(
                """
                        insert into screening_finding (run_id, rule, category, subject_type, subject_id, severity, case_ids,
                                                       explain_key, args, unit_id, officer, period)
                        select id, 'FAVOURED_PARTY', 'RENT_SEEKING', 'OFFICER', '15062799999', 'HIGH', '{}',
                               'screening.explain.FAVOURED_PARTY.revoked', array['15062799999','40','9','22.5','1.0','9.1','20'],
                               :unit, '15062799999', date '2023-05-01' from screening_run
                        """)
            .param("unit", unit)
            .update();
        mvc.perform(get("/screening/findings"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("15062799999"))));
    }

    private String findingStatus(UUID id) {
        return jdbc.sql("select status from screening_finding where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

}

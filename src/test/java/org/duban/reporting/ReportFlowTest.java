package org.duban.reporting;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A monthly report from drafting to approval, submission, return, resubmission and
 * receipt, through the web layer.
 */
@DubanTest
class ReportFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(user(users.loadUserByUsername(login))).with(csrf());
    }

    String campaign() {
        return jdbc.sql("select id::text from campaign order by starts_on limit 1").query(String.class).single();
    }

    UUID draft(String month) throws Exception {
        mvc.perform(as("workteam",
                post("/reports").param("campaignId", campaign()).param("kind", "MONTHLY").param("month", month)))
            .andExpect(status().is3xxRedirection());
        // The demonstration has the county's own reports for every month; these drafts
        // are for the other campaign.
        return jdbc
            .sql("select id from report where kind = 'MONTHLY' and period = cast(:p as date) and campaign_id = :c")
            .param("p", month + "-01")
            .param("c", UUID.fromString(campaign()))
            .query(UUID.class)
            .single();
    }

    long version(UUID id) {
        return jdbc.sql("select version from report where id = :id").param("id", id).query(Long.class).single();
    }

    String reportStatus(UUID id) {
        return jdbc.sql("select status from report where id = :id").param("id", id).query(String.class).single();
    }

    void save(UUID id, String progress, Integer seq) throws Exception {
        var request = post("/reports/" + id).param("title", "关于2023年5月专项整治工作情况的报告")
            .param("docPrefix", "鄂前交发")
            .param("docYear", "2023")
            .param("addressee", "鄂尔多斯市交通运输局：")
            .param("copyTo", "旗委办公室")
            .param("progress", progress)
            .param("results", "成效明显")
            .param("problems", "个别中队执法不规范")
            .param("suggestions", "加强培训")
            .param("version", String.valueOf(version(id)));
        if (seq != null) {
            request.param("docSeq", String.valueOf(seq));
        }
        mvc.perform(as("workteam", request)).andExpect(status().is3xxRedirection());
    }

    @Test
    void draftedFiguresEqualIndependentCounts() throws Exception {
        UUID id = draft("2023-04");
        BigDecimal found = jdbc.sql("""
                select count(*) from problem p join org_unit u on u.id = p.unit_id
                join org_unit b on u.path like b.path || '%'
                where b.code = 'OTOGQ' and p.found_on >= date '2023-04-01' and p.found_on < date '2023-05-01'
                """).query(BigDecimal.class).single();
        BigDecimal drafted = jdbc.sql(
                "select value from report_figure where report_id = :id and version_no = 0 and figure = 'problemsFound'")
            .param("id", id)
            .query(BigDecimal.class)
            .single();
        assertThat(drafted).isEqualByComparingTo(found);
        String progress = jdbc.sql("select progress from report where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
        assertThat(progress).contains("2023年4月", "鄂托克前旗交通运输局");
    }

    @Test
    void aMonthlyReportGoesFromDraftThroughApprovalToTheSuperiorsInboxAndIsFrozenPerSubmission() throws Exception {
        UUID id = draft("2023-05");
        // Without approval it cannot be submitted.
        mvc.perform(as("workteam", post("/reports/" + id + "/submit").param("version", String.valueOf(version(id)))));
        assertThat(reportStatus(id)).isEqualTo("DRAFT");
        save(id, "第一版进展", 31);
        for (String page : new String[] { "", "/preview" }) {
            assertThat(mvc.perform(as("workteam", get("/reports/" + id + page)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()).contains("第一版进展");
        }
        mvc.perform(as("workteam", get("/reports"))).andExpect(status().isOk());
        mvc.perform(as("leader", post("/reports/" + id + "/approve").param("version", String.valueOf(version(id)))))
            .andExpect(status().is3xxRedirection());
        assertThat(reportStatus(id)).isEqualTo("APPROVED");
        // The superior sees nothing before submission.
        mvc.perform(as("city", get("/reports/" + id))).andExpect(status().isNotFound());
        mvc.perform(as("workteam", post("/reports/" + id + "/submit").param("version", String.valueOf(version(id)))))
            .andExpect(status().is3xxRedirection());
        assertThat(reportStatus(id)).isEqualTo("SUBMITTED");
        String inbox = mvc.perform(as("city", get("/reports/inbox")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(inbox).contains("鄂前交发〔2023〕31号", "鄂托克前旗交通运输局");
        // Returned with comments; the work team edits (back to draft), the leader
        // approves again, resubmitted.
        assertThat(mvc.perform(as("city", get("/reports/" + id)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("第一版进展", "id=\"receive\"");
        mvc.perform(as("city", post("/reports/" + id + "/return").param("version", String.valueOf(version(id)))
            .param("comment", "请补充问题整改情况"))).andExpect(status().is3xxRedirection());
        assertThat(reportStatus(id)).isEqualTo("RETURNED");
        save(id, "第二版进展", 31);
        assertThat(reportStatus(id)).isEqualTo("DRAFT");
        mvc.perform(as("leader", post("/reports/" + id + "/approve").param("version", String.valueOf(version(id)))));
        mvc.perform(as("workteam", post("/reports/" + id + "/submit").param("version", String.valueOf(version(id)))));
        mvc.perform(as("city", post("/reports/" + id + "/receive").param("version", String.valueOf(version(id)))))
            .andExpect(status().is3xxRedirection());
        assertThat(reportStatus(id)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select progress from report_version where report_id = :id order by version_no")
            .param("id", id)
            .query(String.class)
            .list()).containsExactly("第一版进展", "第二版进展");
        assertThat(jdbc.sql("select comment from report_version where report_id = :id and version_no = 1")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("请补充问题整改情况");
        // Version 1 stays readable as it was received.
        String v1 = mvc.perform(as("city", get("/reports/" + id + "/preview").param("version", "1")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(v1).contains("第一版进展").doesNotContain("第二版进展");
        // A received report can no longer be edited.
        mvc.perform(as("workteam", post("/reports/" + id + "/figures").param("version", String.valueOf(version(id)))));
        assertThat(reportStatus(id)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select count(*) from audit_log where object_id = :id")
            .param("id", id.toString())
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theExportedDocumentCarriesTheDocumentNumberSignerAndSections() throws Exception {
        UUID id = draft("2023-06");
        save(id, "六月进展", 42);
        mvc.perform(as("leader", post("/reports/" + id + "/approve").param("version", String.valueOf(version(id)))));
        byte[] docx = mvc.perform(as("workteam", get("/reports/" + id + "/docx")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph number = doc.getParagraphs()
                .stream()
                .filter(p -> "DocNumber".equals(p.getStyle()))
                .findFirst()
                .orElseThrow();
            assertThat(number.getRuns().get(1).text()).isEqualTo("鄂前交发〔2023〕42号")
                .matches(OfficialDocumentWriterTest.DOCUMENT_NUMBER);
            assertThat(number.getText()).endsWith("签发人：热希");
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("鄂托克前旗交通运输局文件");
            assertThat(doc.getParagraphs()
                .stream()
                .filter(p -> "Heading1".equals(p.getStyle()))
                .map(XWPFParagraph::getText)).containsExactly("一、工作进展", "二、工作成效", "三、发现的主要问题", "四、有关建议");
            assertThat(doc.getParagraphs().stream().map(p -> p.getText().strip())).contains("六月进展");
            // The 版记 is the last table (floating at the foot of the last page).
            assertThat(doc.getTables().get(doc.getTables().size() - 1).getRow(0).getCell(0).getText().strip())
                .isEqualTo("抄送：旗委办公室。");
        }
    }

    /**
     * Reads a downloaded workbook: the sheet's data rows (below title and header) as
     * lists of formatted cells.
     */
    static java.util.List<java.util.List<String>> xlsxRows(byte[] bytes, String title) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(title);
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                java.util.List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void theTwoLedgersAreAttachedAsWorkbooksForTheReportsUnitAndMonth() throws Exception {
        UUID id = draft("2023-10");
        UUID bureau = jdbc.sql("select unit_id from report where id = :id").param("id", id).query(UUID.class).single();
        String path = jdbc.sql("select path from org_unit where id = :id")
            .param("id", bureau)
            .query(String.class)
            .single();
        UUID campaign = UUID.fromString(campaign());
        String[] refs = { "XL-1", "XL-2", "XL-3" };
        for (int i = 0; i < refs.length; i++) {
            // Two in October (one confidential), one in November that the October ledger
            // leaves out.
            jdbc.sql("""
                    insert into problem (id, reference, campaign_id, source, category, unit_id, description,
                                         found_on, confidential, status, due_on, created_by, created_at)
                    values (gen_random_uuid(), :ref, :campaign, 'SELF_INSPECTION', 'ROUGH', :unit, :description,
                            :found, :confidential, 'RECTIFYING', '2023-10-20', 'test', now())
                    """)
                .param("ref", refs[i])
                .param("campaign", campaign)
                .param("unit", bureau)
                .param("description", i == 0 ? "=HYPERLINK(\"x\")" : "SECRET-" + i)
                .param("found", java.sql.Date.valueOf(i == 2 ? "2023-11-02" : "2023-10-0" + (i + 1)))
                .param("confidential", i == 1)
                .update();
        }
        jdbc.sql(
                """
                        insert into key_task (id, campaign_id, title, owner_unit_id, deadline, status, percent, created_by, created_at)
                        values (gen_random_uuid(), :campaign, 'XL-TASK', :unit, '2023-10-15', 'IN_PROGRESS', 40, 'test', now())
                        """)
            .param("campaign", campaign)
            .param("unit", bureau)
            .update();

        byte[] problems = mvc.perform(as("workteam", get("/reports/" + id + "/problems.xlsx")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        var rows = xlsxRows(problems, "2023年10月自查自纠情况台账");
        long expected = jdbc.sql("""
                select count(*) from problem where found_on between '2023-10-01' and '2023-10-31'
                and unit_id in (select id from org_unit where path like :prefix)
                """).param("prefix", path + "%").query(Long.class).single();
        assertThat(rows).hasSize((int) expected);
        var mine = rows.stream().filter(r -> r.get(1).startsWith("XL-")).toList();
        assertThat(mine).extracting(r -> r.get(1)).containsExactly("XL-1", "XL-2");
        assertThat(mine.get(0).get(6)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(mine.get(1).get(6)).isEmpty();
        assertThat(mine.get(0).get(9)).isEqualTo("是");
        assertThat(mine.get(0).get(3)).isEqualTo("自查自纠");

        byte[] tasks = mvc.perform(as("workteam", get("/reports/" + id + "/tasks.xlsx")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        var taskRows = xlsxRows(tasks, "2023年10月重点任务调度台账");
        long expectedTasks = jdbc.sql("""
                select count(*) from key_task where campaign_id = :campaign
                and owner_unit_id in (select id from org_unit where path like :prefix)
                """).param("campaign", campaign).param("prefix", path + "%").query(Long.class).single();
        assertThat(taskRows).hasSize((int) expectedTasks);
        var task = taskRows.stream().filter(r -> r.get(1).equals("XL-TASK")).findFirst().orElseThrow();
        assertThat(task.get(5)).isEqualTo("40");
        assertThat(task.get(6)).isEqualTo("是");

        // Same access as the document: another bureau's user does not find them.
        mvc.perform(as("city", get("/reports/" + id + "/problems.xlsx"))).andExpect(status().isNotFound());
        mvc.perform(as("city", get("/reports/" + id + "/tasks.xlsx"))).andExpect(status().isNotFound());
    }

    @Test
    void theLeadingGroupReturnsADraftWithItsReasonAndApprovesItOnceRevised() throws Exception {
        UUID id = draft("2023-08");
        save(id, "初稿", 40);
        mvc.perform(as("leader", post("/reports/" + id + "/decline").param("version", String.valueOf(version(id)))
            .param("comment", " ")));
        assertThat(reportStatus(id)).as("a return needs a reason").isEqualTo("DRAFT");
        mvc.perform(as("workteam", post("/reports/" + id + "/decline").param("version", String.valueOf(version(id)))
            .param("comment", "not mine"))).andExpect(status().isForbidden());
        mvc.perform(as("leader", post("/reports/" + id + "/decline").param("version", String.valueOf(version(id)))
            .param("comment", "请补充典型案例"))).andExpect(status().is3xxRedirection());
        assertThat(reportStatus(id)).isEqualTo("RETURNED");
        assertThat(mvc.perform(as("workteam", get("/reports/" + id))).andReturn().getResponse().getContentAsString())
            .contains("请补充典型案例");
        assertThat(mvc.perform(as("workteam", get("/todo"))).andReturn().getResponse().getContentAsString())
            .contains(id.toString());
        // Nothing goes upward from a returned draft; revised, it is a draft again.
        mvc.perform(as("workteam", post("/reports/" + id + "/submit").param("version", String.valueOf(version(id)))));
        assertThat(reportStatus(id)).isEqualTo("RETURNED");
        save(id, "修改稿", 40);
        assertThat(reportStatus(id)).isEqualTo("DRAFT");
        mvc.perform(as("leader", post("/reports/" + id + "/approve").param("version", String.valueOf(version(id)))));
        assertThat(reportStatus(id)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("select approval_comment from report where id = :id")
            .param("id", id)
            .query(String.class)
            .optional()).isEmpty();
    }

    @Test
    void anotherBureausReportIsNotFoundAndDraftsStayInternal() throws Exception {
        UUID id = draft("2023-07");
        mvc.perform(as("city", get("/reports/" + id))).andExpect(status().isNotFound());
        mvc.perform(as("city", get("/reports/" + id + "/docx"))).andExpect(status().isNotFound());
        mvc.perform(as("city", post("/reports/" + id + "/receive").param("version", String.valueOf(version(id)))))
            .andExpect(status().isNotFound());
        // Unit staff read reports (their unit's own monthly reports), but never their
        // bureau's.
        mvc.perform(as("unit", get("/reports/" + id))).andExpect(status().isNotFound());
        // Moving the report to the other county makes it invisible to this county's work
        // team.
        jdbc.sql("update report set unit_id = (select id from org_unit where code = 'OTOG') where id = :id")
            .param("id", id)
            .update();
        mvc.perform(as("workteam", get("/reports/" + id))).andExpect(status().isNotFound());
        mvc.perform(as("workteam", get("/reports/" + id + "/preview"))).andExpect(status().isNotFound());
    }

    @Test
    void theDashboardShowsTheTimelineAndForTheCityEachCountySideBySide() throws Exception {
        String county = mvc.perform(as("leader", get("/dashboard")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(county).contains("data-chart=\"timeline\"", "phase-current").doesNotContain("county-figures");
        String city = mvc.perform(as("city", get("/dashboard")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(city).contains("id=\"county-figures\"", "id=\"county-breakdowns\"", "鄂托克前旗交通运输局", "鄂托克旗交通运输局");
        String fragment = mvc.perform(as("leader", get("/dashboard").header("HX-Request", "true")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(fragment).doesNotContain("<nav").contains("id=\"dashboard\"");
    }

    UUID problem(String reference, String unitCode, boolean confidential) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into problem (id, reference, campaign_id, source, category, unit_id, description, found_on,
                                     confidential, status, created_by, created_at)
                values (:id, :ref, cast(:campaign as uuid), 'OTHER', 'ROUGH',
                        (select id from org_unit where code = :unit), 'listed problem', current_date - 1,
                        :confidential, 'REGISTERED', 'test', now())
                """)
            .param("id", id)
            .param("ref", reference)
            .param("campaign", campaign())
            .param("unit", unitCode)
            .param("confidential", confidential)
            .update();
        return id;
    }

    /**
     * The list behind a figure applies the reader's scope and need-to-know: a county sees
     * its own county only, the city every county; a confidential clue shows neither
     * reference nor link to unit staff or the city bureau, and another county's
     * confidential clue is never named. The total is the number of rows listed.
     */
    @Test
    void theListBehindAFigureAppliesScopeAndNeedToKnow() throws Exception {
        UUID own = problem("FL-OWN", "OTOGQ-SQUAD-1", false);
        UUID secret = problem("FL-SECRET", "OTOGQ-SQUAD-1", true);
        UUID other = problem("FL-OTHER", "OTOG", false);
        UUID otherSecret = problem("FL-OTHER-SECRET", "OTOG", true);
        String otherCounty = jdbc.sql("select id::text from org_unit where code = 'OTOG'").query(String.class).single();
        String path = "/dashboard/list?figure=source.OTHER";
        String workteam = listed("workteam", path);
        assertThat(workteam).contains("FL-OWN", "FL-SECRET", "/problems/" + secret)
            .doesNotContain("FL-OTHER", "/problems/" + other, "/problems/" + otherSecret);
        String unit = listed("unit", path);
        assertThat(unit).contains("FL-OWN", "/problems/" + own, "row-confidential")
            .doesNotContain("FL-SECRET", "/problems/" + secret, "FL-OTHER");
        String city = listed("city", path);
        assertThat(city).contains("FL-OWN", "FL-OTHER", "/problems/" + other, "row-confidential")
            .doesNotContain("FL-SECRET", "FL-OTHER-SECRET", "/problems/" + secret, "/problems/" + otherSecret);
        mvc.perform(as("workteam", get(path + "&unit=" + otherCounty))).andExpect(status().isNotFound());
        assertThat(listed("city", path + "&unit=" + otherCounty)).contains("FL-OTHER").doesNotContain("FL-OWN");
        // Accountability records need ledger:accountability:read: unit staff see the
        // number, not the rows.
        String restricted = listed("unit", "/dashboard/list?figure=accountability");
        assertThat(restricted).contains("id=\"figure-restricted\"").doesNotContain("id=\"figure-rows\"");
    }

    /**
     * The page of a list, after checking that its total is the number of rows it lists.
     */
    String listed(String login, String path) throws Exception {
        var result = mvc.perform(as(login, get(path))).andExpect(status().isOk()).andReturn();
        FigureLists.Result list = (FigureLists.Result) result.getModelAndView().getModel().get("result");
        if (!list.restricted()) {
            assertThat(list.rows()).hasSize((int) Math.min(list.total(), FigureLists.LIMIT));
        }
        return result.getResponse().getContentAsString();
    }

}

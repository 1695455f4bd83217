package org.duban.ledger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accountability: the work team proposes, the leading group decides at a meeting,
 * confidential to need-to-know roles; 约谈 records; the special report as a .docx with
 * every decided case, its counts, and a version without names.
 */
@DubanTest
class AccountabilityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    String problem(UUID unit) {
        String reference = "ACC-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into problem (id, reference, source, category, unit_id, description, found_on, status,
                                     created_by, created_at)
                values (gen_random_uuid(), :ref, 'COMPLAINT', 'RENT_SEEKING', :unit, 'x', date '2023-05-01',
                        'SIGNED_OFF', 'test', now())
                """).param("ref", reference).param("unit", unit).update();
        return reference;
    }

    UUID squad2() {
        return jdbc.sql("select id from org_unit where code = 'OTOGQ-SQUAD-2'").query(UUID.class).single();
    }

    String version(UUID id) {
        return jdbc.sql("select version::text from accountability_record where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    @Test
    void theWorkTeamProposesAndTheLeadingGroupDecidesAtAMeeting() throws Exception {
        UUID unit = squad2();
        String reference = problem(unit);
        mvc.perform(post("/accountability").with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("subject", "PERSON")
            .param("unitId", unit.toString())
            .param("proposedKind", "ADMONITION")
            .param("proposal", "released a truck without a decision"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("问责对象为个人时须填写姓名")));
        mvc.perform(post("/accountability").with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("subject", "PERSON")
            .param("person", "Wang Wu")
            .param("unitId", unit.toString())
            .param("proposedKind", "ADMONITION")
            .param("proposal", "released a truck without a penalty decision")).andExpect(status().is3xxRedirection());
        UUID id = jdbc
            .sql("select a.id from accountability_record a join problem p on p.id = a.problem_id "
                    + "where p.reference = :r")
            .param("r", reference)
            .query(UUID.class)
            .single();
        // the work team cannot decide; the leader can, with grounds, meeting and date
        mvc.perform(post("/accountability/" + id + "/decision").with(csrf())
            .with(as("workteam"))
            .param("kind", "ADMONITION")
            .param("grounds", "g")
            .param("meeting", "m")
            .param("decidedOn", "2023-09-01")
            .param("version", version(id))).andExpect(status().isForbidden());
        mvc.perform(get("/accountability/" + id).with(as("leader")))
            .andExpect(content().string(containsString("id=\"decision-form\"")))
            .andExpect(content().string(containsString("待决定")));
        mvc.perform(post("/accountability/" + id + "/decision").with(csrf())
            .with(as("leader"))
            .param("kind", "FAULT_TOLERANCE_EXEMPTION")
            .param("grounds", "")
            .param("meeting", "领导小组第7次会议")
            .param("decidedOn", "2023-09-01")
            .param("version", version(id)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("容错免责须写明理由")));
        mvc.perform(post("/accountability/" + id + "/decision").with(csrf())
            .with(as("leader"))
            .param("kind", "ADMONITION")
            .param("grounds", "Wang Wu违反执法纪律")
            .param("meeting", "领导小组第7次会议")
            .param("decidedOn", "2023-09-01")
            .param("version", version(id))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql(
                "select status || ' ' || kind || ' ' || meeting || ' ' || decided_by from accountability_record where id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("DECIDED ADMONITION 领导小组第7次会议 leader");
        mvc.perform(post("/accountability/" + id + "/decision").with(csrf())
            .with(as("leader"))
            .param("kind", "NO_ACTION")
            .param("grounds", "g")
            .param("meeting", "m")
            .param("decidedOn", "2023-09-02")
            .param("version", version(id))).andExpect(content().string(containsString("该事项已作出决定，不能再次决定")));

        mvc.perform(get("/accountability/" + id).with(as("auditor")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Wang Wu")))
            .andExpect(content().string(containsString("诫勉")))
            .andExpect(content().string(containsString("领导小组第7次会议")));
        mvc.perform(get("/accountability").with(as("leader"))).andExpect(content().string(containsString(reference)));
        mvc.perform(get("/accountability/" + id).with(as("unit"))).andExpect(status().isForbidden());
        mvc.perform(get("/accountability/export").with(as("workteam"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select string_agg(action, ',' order by seq) from audit_log where object_id = :id")
            .param("id", id.toString())
            .query(String.class)
            .single()).isEqualTo("accountability.proposed,accountability.decided");

        // the special report lists the case, the problem behind it and the counts; the
        // anonymised one hides the name
        String full = docx(false);
        assertThat(full).contains("关于追责问责和容错免责情况的专题报告", "Wang Wu", reference, "诫勉", "领导小组第7次会议", "执法“寻租”", "按处理方式",
                "按问题类别", "容错免责");
        String anonymised = docx(true);
        assertThat(anonymised).contains("隐去姓名", reference, "当事人").doesNotContain("Wang Wu");
        // the demonstration's names are hidden too
        assertThat(full).contains("张某");
        assertThat(anonymised).doesNotContain("张某", "郝某某", "贾某");
        mvc.perform(get("/reports/special/accountability.docx").with(as("unit"))).andExpect(status().isForbidden());
    }

    String docx(boolean anonymise) throws Exception {
        byte[] bytes = mvc
            .perform(get("/reports/special/accountability.docx").param("anonymise", String.valueOf(anonymise))
                .with(as("leader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String paragraphs = doc.getParagraphs()
                .stream()
                .map(XWPFParagraph::getText)
                .collect(Collectors.joining("\n"));
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            return paragraphs + "\n" + tables;
        }
    }

    @Test
    void aCaseAboutAUnitAndAnInterviewRecord() throws Exception {
        UUID unit = squad2();
        String reference = problem(unit);
        mvc.perform(post("/accountability").with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("subject", "UNIT")
            .param("person", "ignored")
            .param("unitId", unit.toString())
            .param("proposedKind", "CIRCULATED_CRITICISM")
            .param("proposal", "repeated in the squad")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql(
                "select coalesce(a.person, '-') from accountability_record a join problem p on p.id = a.problem_id where p.reference = :r")
            .param("r", reference)
            .query(String.class)
            .single()).isEqualTo("-");

        mvc.perform(post("/accountability/interviews").with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("unitId", unit.toString())
            .param("interviewer", "局党组书记")
            .param("interviewee", "二中队中队长")
            .param("heldOn", "2099-01-01")
            .param("reason", "r")
            .param("minutes", "m"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("约谈日期不能晚于今天")));
        mvc.perform(post("/accountability/interviews").with(csrf())
            .with(as("workteam"))
            .param("problemReference", reference)
            .param("unitId", unit.toString())
            .param("interviewer", "局党组书记")
            .param("interviewee", "二中队中队长")
            .param("heldOn", "2023-08-01")
            .param("reason", "同类问题反复发生")
            .param("minutes", "要求中队长逐案复查")
            .param("followUp", "已报送复查情况")).andExpect(status().is3xxRedirection());
        // The register is paged (newest first) and other tests add interviews: found by
        // the problem's number.
        mvc.perform(get("/accountability/interviews").param("q", reference).with(as("leader")))
            .andExpect(content().string(containsString("同类问题反复发生")))
            .andExpect(content().string(containsString("二中队中队长")));
        mvc.perform(get("/accountability/interviews").with(as("unit"))).andExpect(status().isForbidden());
    }

    @Test
    void theDemonstrationHoldsDecidedCasesAnOpenProposalAndAnInterview() {
        assertThat(
                jdbc.sql("select count(*) from accountability_record where status = 'DECIDED' and meeting is not null")
                    .query(Integer.class)
                    .single())
            .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from accountability_record where status = 'PROPOSED' and subject = 'UNIT'")
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql(
                "select count(*) from accountability_interview where held_on between date '2023-01-01' and date '2023-12-31'")
            .query(Integer.class)
            .single()).isGreaterThanOrEqualTo(1);
    }

}

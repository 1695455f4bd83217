package org.duban.audit;

import org.duban.support.DubanTest;
import org.duban.support.WithAuditor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
@WithAuditor
class AuditPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail trail;

    String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void problemsAndComplaintsAreShownByTheirNumbersNotTheirIds() throws Exception {
        String problem = jdbc.sql("select id::text from problem where not confidential order by reference limit 1")
            .query(String.class)
            .single();
        String reference = jdbc.sql("select reference from problem where id::text = :id")
            .param("id", problem)
            .query(String.class)
            .single();
        String complaint = jdbc.sql("select id::text from complaint where number is not null limit 1")
            .query(String.class)
            .single();
        String number = jdbc.sql("select number from complaint where id::text = :id")
            .param("id", complaint)
            .query(String.class)
            .single();
        trail.on(AuditEvent.change("problem.noted", "problem", problem, Map.of(), Map.of("note", "x")));
        trail.on(AuditEvent.change("complaint.noted", "complaint", complaint, Map.of(), Map.of("note", "x")));

        String problems = page(get("/audit").param("objectType", "problem").param("objectId", problem));
        assertThat(problems).contains(">" + reference + " ").contains("title=\"" + problem + "\"");
        assertThat(problems).doesNotContain(">" + problem + "<");
        String complaints = page(get("/audit").param("objectType", "complaint").param("objectId", complaint));
        assertThat(complaints).contains(">" + number + "<").doesNotContain(">" + complaint + "<");
    }

    @Test
    void theObjectTypeFilterIsALabelledChoiceOfTheAuditedTypesThatStillFilters() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        trail.on(AuditEvent.change("review.noted", "review_round", id, Map.of(), Map.of("note", "x")));
        trail.on(AuditEvent.change("suggestion.noted", "suggestion", id, Map.of(), Map.of("note", "x")));

        String page = page(get("/audit").param("objectType", "review_round").param("objectId", id));
        assertThat(page).as("a select of labels, the chosen one selected, no text field for a code")
            .contains("<select class=\"form-select form-select-sm\" id=\"objectType\" name=\"objectType\">")
            .contains("<option value=\"review_round\" selected=\"selected\">回头看</option>")
            .contains("<option value=\"suggestion\">意见建议</option>")
            .contains("<option value=\"problem\">问题线索</option>")
            .doesNotContain("<input class=\"form-control form-control-sm\" maxlength=\"60\"")
            .doesNotContain(">gone<");
        String entries = page.substring(page.indexOf("id=\"audit-entries\""));
        assertThat(entries).as("only the chosen type's entry")
            .contains("<span>回头看</span>")
            .doesNotContain("<span>意见建议</span>");

        String english = page(get("/audit").param("objectType", "suggestion")
            .param("objectId", id)
            .cookie(new jakarta.servlet.http.Cookie("duban-lang", "en")));
        assertThat(english).contains("<option value=\"suggestion\" selected=\"selected\">Suggestion</option>")
            .contains("<option value=\"review_round\">Review round</option>");
        assertThat(english.substring(english.indexOf("id=\"audit-entries\""))).contains("<span>Suggestion</span>")
            .doesNotContain("<span>Review round</span>");
    }

    @Test
    void checklistItemsOfASavedChecklistAreNamedByTheItemNotItsCode() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        trail.on(AuditEvent.change("inspection.checklist.saved", "inspection", id, Map.of("IR-BODY-CAMERA", "PASS"),
                Map.of("IR-BODY-CAMERA", "FAIL", "status", "IN_PROGRESS")));

        String page = page(get("/audit").param("objectType", "inspection").param("objectId", id));
        assertThat(page).as("the item's text, the code in the title; the answers by their labels")
            .contains("title=\"IR-BODY-CAMERA\">执法全过程使用执法记录仪，记录完整留存:</span>")
            .contains(">符合</span>")
            .contains(">不符合</span>")
            .doesNotContain(">IR-BODY-CAMERA:<")
            .doesNotContain(">FAIL<");
        assertThat(page).as("a field the messages name is named as before, its code by the module's label")
            .contains("title=\"status\">状态:</span>")
            .contains(">检查中</span>")
            .doesNotContain(">IN_PROGRESS<");

        String english = page(get("/audit").param("objectType", "inspection")
            .param("objectId", id)
            .cookie(new jakarta.servlet.http.Cookie("duban-lang", "en")));
        assertThat(english).contains(
                "title=\"IR-BODY-CAMERA\">Body cameras record the whole enforcement and the recordings are kept:</span>")
            .contains(">Does not comply</span>");
    }

    @Test
    void codedAndYesOrNoValuesAreShownByTheirLabels() throws Exception {
        String task = java.util.UUID.randomUUID().toString();
        trail.on(AuditEvent.change("keytask.progress", "key_task", task,
                Map.of("status", "NOT_STARTED", "phase", "MOBILISATION"),
                Map.of("status", "IN_PROGRESS", "phase", "SELF_INSPECTION")));
        String problem = java.util.UUID.randomUUID().toString();
        trail.on(AuditEvent.change("problem.confidentiality", "problem", problem, Map.of("confidential", false),
                Map.of("confidential", true, "category", "RENT_SEEKING")));

        String tasks = page(get("/audit").param("objectType", "key_task").param("objectId", task));
        assertThat(tasks).as("a key task's status and phase as its pages name them")
            .contains(">未开始</span>", ">推进中</span>", ">动员部署</span>", ">自查自纠</span>")
            .doesNotContain(">NOT_STARTED<", ">IN_PROGRESS<", ">MOBILISATION<");
        String problems = page(get("/audit").param("objectType", "problem").param("objectId", problem));
        assertThat(problems).as("a yes-or-no field and a category")
            .contains(">否</span>", ">是</span>", ">执法“寻租”</span>")
            .doesNotContain(">true<", ">false<", ">RENT_SEEKING<");

        String english = page(get("/audit").param("objectType", "key_task")
            .param("objectId", task)
            .cookie(new jakarta.servlet.http.Cookie("duban-lang", "en")));
        assertThat(english).doesNotContain(">NOT_STARTED<", ">IN_PROGRESS<").contains(">Not started</span>");
    }

    @Test
    void entriesAreShownNewestFirstAndFilteredByActionAndOutcome() throws Exception {
        String all = page(get("/audit"));
        long newest = jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        assertThat(all).containsPattern("<td>" + newest + "</td>");
        assertThat(all.indexOf("<td>" + newest + "</td>")).isLessThan(all.indexOf("<td>" + (newest - 1) + "</td>"));

        String units = page(get("/audit").param("action", "organization.unit"));
        assertThat(units).contains("organization.unit.created").doesNotContain("<code class=\"small\">campaign.");

        mvc.perform(post("/login").with(csrf())
            .param("username", "no-such-user-audit")
            .param("password", "wrong-password-1"));
        String failures = page(get("/audit").param("outcome", "FAILURE").param("actor", "no-such-user-audit"));
        assertThat(failures).contains("security.loginFailed").doesNotContain("organization.unit.created");
        jdbc.sql("delete from login_failure where login = 'no-such-user-audit'").update();
    }

    @Test
    void theDateRangeAndObjectFiltersNarrowTheList() throws Exception {
        String future = page(get("/audit").param("from", LocalDate.now().plusDays(2).toString()));
        assertThat(future).contains("没有符合条件的日志");
        String staffId = jdbc.sql("select id::text from staff where login = 'unit'").query(String.class).single();
        String one = page(get("/audit").param("objectType", "staff").param("objectId", staffId));
        assertThat(one).contains("organization.staff.created").doesNotContain("organization.unit.created");
    }

    @Test
    void aMalformedFilterShowsEverythingWithANoteInsteadOfFailing() throws Exception {
        assertThat(page(get("/audit").param("from", "yesterday").param("page", "-2"))).contains("查询条件有误");
    }

    @Test
    void pagesHoldFiftyEntriesAndLinkToOlderOnes() throws Exception {
        long total = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        assertThat(total).isGreaterThan(AuditLog.PAGE_SIZE);
        String first = page(get("/audit"));
        assertThat(first.split("<tr", -1).length - 2).isEqualTo(AuditLog.PAGE_SIZE);
        assertThat(first).contains("page=1");
    }

    @Test
    void verificationReportsAnIntactChain() throws Exception {
        assertThat(page(post("/audit/verify").with(csrf()))).contains("id=\"chain-intact\"")
            .doesNotContain("chain-broken");
    }

    @Test
    void verificationReportsTheFirstBrokenLinkAfterATamper() throws Exception {
        AtomicReference<String> report = new AtomicReference<>();
        long[] target = new long[1];
        tx.executeWithoutResult(status -> {
            target[0] = jdbc.sql("select min(seq) + 3 from audit_log").query(Long.class).single();
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
            jdbc.sql("update audit_log set actor = 'forger' where seq = :seq").param("seq", target[0]).update();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
            try {
                // MockMvc runs on this thread, so the request sees the tampered row of
                // this transaction.
                report.set(page(post("/audit/verify").with(csrf())));
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
            status.setRollbackOnly();
        });
        assertThat(report.get()).contains("id=\"chain-broken\"").contains("序号 " + target[0] + " 处断裂");
        assertThat(trail.firstBrokenLink()).isEmpty();
    }

    @Test
    void aVerificationIsItselfOnRecord() throws Exception {
        long before = jdbc.sql("select count(*) from audit_log where action = 'audit.verified'")
            .query(Long.class)
            .single();
        page(post("/audit/verify").with(csrf()));
        assertThat(
                jdbc.sql("select count(*) from audit_log where action = 'audit.verified'").query(Long.class).single())
            .isEqualTo(before + 1);
    }

}

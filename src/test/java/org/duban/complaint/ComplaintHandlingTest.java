package org.duban.complaint;

import org.duban.ledger.HolidayForm;
import org.duban.ledger.ReferenceData;
import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.support.DubanTest;
import org.duban.support.WithUnitStaff;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff pipeline as sentences: accept, assign, answer, review, rate, reopen (figures:
 * ReportFiguresTest).
 */
@DubanTest
@RecordApplicationEvents
class ComplaintHandlingTest {

    @Autowired
    Complaints complaints;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    ReferenceData referenceData;

    UUID unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    Submitted submitOne(String content) {
        return complaints.submit(new NewComplaint(ComplaintType.PROFIT_DRIVEN, content, LocalDate.of(2023, 4, 2),
                "城川治超站", null, false, "李四", "13900000000"), Channel.WEB, null, List.of(),
                complaints.intakeUnitFor("OTOGQ"));
    }

    long version(UUID id) {
        return jdbc.sql("select version from complaint where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    @WithWorkTeamMember
    void anAnswerReachesThePublicOnlyAfterReviewAndNotSatisfiedReopensIt() {
        DataScope scope = units.currentScope();
        Submitted s = submitOne("罚款不开票据。");
        UUID id = s.complaintId();
        complaints.accept(id, version(id), scope);
        complaints.assign(id, version(id), unit("OTOGQ-SQUAD-1"), scope);
        complaints.addNote(id, "INTERNAL-NOTE-42 涉及队员已约谈", scope);
        complaints.answer(id, version(id), "已核实，责令改正。", "经核实，已责令改正并退还款项。", scope);
        assertThat(complaints.lookup(s.receipt()).orElseThrow().feedback()).isNull();
        complaints.reviewFeedback(id, version(id), true, "经核实，已责令改正并退还款项。", scope);

        PublicStatus answered = complaints.lookup(s.receipt()).orElseThrow();
        assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(answered.feedback()).isEqualTo("经核实，已责令改正并退还款项。");
        assertThat(answered.handlingUnit()).isEqualTo("执法大队一中队");
        assertThat(answered.toString()).doesNotContain("INTERNAL-NOTE-42");

        complaints.rate(s.receipt(), Satisfaction.NOT_SATISFIED, "钱没退");
        Complaint reopened = complaints.get(id, scope);
        assertThat(reopened.status()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(reopened.reopenCount()).isEqualTo(1);

        complaints.assign(id, version(id), unit("OTOGQ-SQUAD-1"), scope);
        complaints.answer(id, version(id), "款项已退。", "款项已于今日退还。", scope);
        complaints.reviewFeedback(id, version(id), true, "款项已于今日退还。", scope);
        complaints.rate(s.receipt(), Satisfaction.BASICALLY_SATISFIED, null);
        Complaint closed = complaints.get(id, scope);
        assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(jdbc.sql("select count(*) from audit_log where object_id = :id")
            .param("id", id.toString())
            .query(Long.class)
            .single()).isGreaterThanOrEqualTo(10);
    }

    @Test
    @WithWorkTeamMember
    void illegalTransitionsAndStaleEditsAreRefused() {
        DataScope scope = units.currentScope();
        UUID id = submitOne("乱收费。").complaintId();
        assertThatThrownBy(() -> complaints.answer(id, version(id), "r", "f", scope))
            .isInstanceOf(org.duban.shared.BusinessRuleViolation.class);
        long before = version(id);
        complaints.accept(id, before, scope);
        assertThatThrownBy(() -> complaints.decline(id, before, "重复", scope))
            .isInstanceOf(org.duban.shared.StaleEditException.class);
        assertThatThrownBy(
                () -> complaints.rate(complaints.lookup("x").map(p -> "x").orElse("0"), Satisfaction.SATISFIED, null))
            .isInstanceOf(org.duban.shared.NotFoundException.class);
    }

    @Test
    @WithWorkTeamMember
    void staffRegisterAPhoneCallAndGetTheReceiptOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/complaints").with(csrf())
            .param("channel", "PHONE")
            .param("type", "RIGID")
            .param("content", "电话反映：一刀切禁止货车通行 " + key)
            .param("anonymous", "true")
            .param("idempotencyKey", key))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("回执码")));
        assertThat(jdbc.sql("select channel from complaint where content like :c")
            .param("c", "%" + key)
            .query(String.class)
            .single()).isEqualTo("PHONE");
        mvc.perform(
                post("/complaints").with(csrf()).param("channel", "WEB").param("type", "RIGID").param("content", "x"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("请选择来源渠道")));
    }

    @Test
    @WithUnitStaff
    void aSquadSeesOnlyWhatIsAssignedToIt() throws Exception {
        UUID id = submitOne("未分配给中队的投诉。").complaintId();
        mvc.perform(get("/complaints/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/complaints"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(id.toString()))));
    }

    @Test
    @WithWorkTeamMember
    void twoComplaintsAboutOneMatterPointToOneProblemOfTheLedger() {
        DataScope scope = units.currentScope();
        UUID first = submitOne("治超站收费不开票。").complaintId();
        UUID second = submitOne("同一治超站又收费不开票。").complaintId();
        complaints.accept(first, version(first), scope);
        complaints.assign(first, version(first), unit("OTOGQ-SQUAD-1"), scope);
        String reference = complaints.turnIntoProblem(first, version(first), null, null, scope);
        Complaint linked = complaints.get(first, scope);
        assertThat(linked.problemId()).isNotNull();
        var problem = complaints.problemOf(linked).orElseThrow();
        assertThat(problem.reference()).isEqualTo(reference);
        assertThat(problem.sourceRef()).isEqualTo(first.toString());
        assertThat(problem.unitId()).isEqualTo(unit("OTOGQ-SQUAD-1"));
        assertThat(jdbc.sql("select category from problem where id = :id")
            .param("id", problem.id())
            .query(String.class)
            .single()).isEqualTo("PROFIT_DRIVEN");

        complaints.turnIntoProblem(second, version(second), null, problem.id(), scope);
        assertThat(complaints.get(second, scope).problemId()).isEqualTo(problem.id());
        assertThatThrownBy(() -> complaints.turnIntoProblem(second, version(second), null, null, scope))
            .isInstanceOf(org.duban.shared.BusinessRuleViolation.class);
        assertThatThrownBy(
                () -> complaints.turnIntoProblem(submitOne("x").complaintId(), 0, null, UUID.randomUUID(), scope))
            .isInstanceOf(org.duban.shared.BusinessRuleViolation.class);
    }

    @Test
    @WithWorkTeamMember
    void timeLimitsFollowTheLedgersHolidayCalendarIncludingAnEditMadeJustBefore() {
        LocalDate today = complaints.today();
        Submitted before = submitOne("时限按节假日日历。");
        assertThat(workingDays.between(today, before.acknowledgeDueOn())).isEqualTo(3);
        assertThat(workingDays.between(today, before.dueOn())).isEqualTo(15);

        // The administrator lists the next working day as a holiday (/admin/holidays):
        // both limits move by a day.
        LocalDate next = workingDays.add(today, 1);
        while (jdbc.sql("select count(*) from holiday_calendar where day = :d")
            .param("d", next)
            .query(Integer.class)
            .single() > 0) { // a make-up working day is listed already: take the next one
            next = workingDays.add(next, 1);
        }
        referenceData.addHoliday(new HolidayForm(next, false, "临时假日", null));
        try {
            Submitted after = submitOne("时限按节假日日历。");
            if (!next.isAfter(before.acknowledgeDueOn())) {
                assertThat(after.acknowledgeDueOn()).isAfter(before.acknowledgeDueOn());
            }
            assertThat(after.dueOn()).isAfter(before.dueOn());
            assertThat(workingDays.between(today, after.dueOn())).isEqualTo(15);
        }
        finally {
            referenceData.deleteHoliday(next, referenceData.holiday(next).version());
        }
        assertThat(submitOne("时限按节假日日历。").dueOn()).isEqualTo(before.dueOn());
    }

    @Test
    @WithWorkTeamMember
    void staffDownloadAnAttachmentAsAFileWithItsCheckedTypeNeverShownInline() throws Exception {
        byte[] pdf = "%PDF-1.4\n% 罚款单据照片\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID id = complaints
            .submit(new NewComplaint(ComplaintType.PROFIT_DRIVEN, "附罚款单。", null, null, null, true, null, null),
                    Channel.WEB, null, List.of(new Upload("罚款单.pdf", pdf)), complaints.intakeUnitFor("OTOGQ"))
            .complaintId();
        UUID attachment = complaints.attachments(id, units.currentScope()).get(0).id();
        mvc.perform(get("/complaints/" + id + "/attachments/" + attachment))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andExpect(content().bytes(pdf))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("X-Content-Type-Options", "nosniff"))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Cache-Control", containsString("no-store")))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Content-Disposition", containsString("attachment")));
        mvc.perform(get("/complaints/" + id + "/attachments/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void receiptsHaveTwentyDigitsInGroupsAndAreAcceptedWithAnySeparators() {
        String receipt = Secrets.format("12345678901234567890");
        assertThat(receipt).isEqualTo("1234-5678-9012-3456-7890");
        assertThat(Secrets.normalise(" 1234 5678-9012 3456 7890 ")).isEqualTo("12345678901234567890");
        assertThat(Secrets.normalise("1234")).isNull();
        assertThat(Secrets.normalise("1234-5678-9012-3456-789x")).isNull();
        assertThat(CurrentUser.get()).isEmpty();
    }

    // Numbers people can read (TS-2023-00123); a problem linked by the number users see.

    @Test
    @WithWorkTeamMember
    void complaintsOfABureauAreNumberedOneAfterAnotherWithinTheYear() {
        DataScope scope = units.currentScope();
        String first = complaints.get(submitOne("收费不开票。").complaintId(), scope).reference();
        String second = complaints.get(submitOne("又收费不开票。").complaintId(), scope).reference();

        String year = String.valueOf(complaints.today().getYear());
        assertThat(first).matches("TS-" + year + "-\\d{5}");
        assertThat(Integer.parseInt(second.substring(8))).isEqualTo(Integer.parseInt(first.substring(8)) + 1);
        assertThat(jdbc.sql("select count(*) from complaint where number is null").query(Long.class).single())
            .as("the complaints received before numbers were introduced are numbered too")
            .isZero();
    }

    @Test
    @WithWorkTeamMember
    void aProblemIsLinkedByTheNumberUsersSeeAndOfferedWhileTyping() throws Exception {
        DataScope scope = units.currentScope();
        UUID complaint = submitOne("治超站收费不开票，已登记过。").complaintId();
        complaints.accept(complaint, version(complaint), scope);
        String number = jdbc.sql("select reference from problem where unit_id = any(:units) order by reference limit 1")
            .param("units", scope.unitArray())
            .query(String.class)
            .single();

        var answer = mvc
            .perform(post("/complaints/" + complaint + "/problem").with(csrf())
                .param("version", String.valueOf(version(complaint)))
                .param("problemId", " " + number.toLowerCase() + " "))
            .andReturn();

        assertThat(answer.getFlashMap().get("refusal")).as("refusal when linking " + number).isNull();
        UUID linked = complaints.get(complaint, scope).problemId();
        assertThat(jdbc.sql("select reference from problem where id = :id")
            .param("id", linked)
            .query(String.class)
            .single()).isEqualTo(number);

        String offered = mvc.perform(get("/problems/lookup").param("q", number))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(offered).contains("<option value=\"" + number + "\"");
    }

    @Test
    @WithWorkTeamMember
    void aNumberThatDoesNotExistIsRefusedWithAMessageNotAMissingPage() throws Exception {
        DataScope scope = units.currentScope();
        UUID complaint = submitOne("编号写错了。").complaintId();
        complaints.accept(complaint, version(complaint), scope);

        var answer = mvc
            .perform(post("/complaints/" + complaint + "/problem").with(csrf())
                .param("version", String.valueOf(version(complaint)))
                .param("problemId", "DB-1999-99999"))
            .andReturn();

        assertThat(complaints.get(complaint, scope).problemId()).isNull();
        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/complaints/" + complaint);
        assertThat(answer.getFlashMap().get("refusal")).isEqualTo("complaint.problem.unknown");
    }

    /**
     * What the aggregate raised is what the service publishes: one event per action, with
     * the states and units after the change, and none for a refused action.
     */
    @Test
    @WithWorkTeamMember
    void eachHandOverOfAComplaintIsPublishedOnceWithItsStatesAndUnits() {
        UUID bureau = complaints.intakeUnitFor("OTOGQ");
        UUID squad = unit("OTOGQ-SQUAD-1");
        DataScope scope = units.currentScope();
        UUID id = submitOne("overcharged at the weighing station").complaintId();
        complaints.accept(id, version(id), scope);
        complaints.assign(id, version(id), squad, scope);
        assertThatThrownBy(() -> complaints.accept(id, version(id), scope))
            .hasMessageContaining("complaint.illegalTransition");
        complaints.answer(id, version(id), "refunded", "the station refunded the fee", scope);
        complaints.reviewFeedback(id, version(id), false, "say how much was refunded", scope);

        List<ComplaintTransitioned> published = events.stream(ComplaintTransitioned.class)
            .filter(e -> e.complaintId().equals(id))
            .toList();
        assertThat(published).extracting(ComplaintTransitioned::action)
            .containsExactly("submitted", "accepted", "assigned", "answered", "feedback.returned");
        assertThat(published).extracting(ComplaintTransitioned::to)
            .containsExactly(ComplaintStatus.SUBMITTED, ComplaintStatus.ACCEPTED, ComplaintStatus.IN_HANDLING,
                    ComplaintStatus.FEEDBACK_REVIEW, ComplaintStatus.IN_HANDLING);
        assertThat(published).extracting(ComplaintTransitioned::from)
            .containsExactly(null, ComplaintStatus.SUBMITTED, ComplaintStatus.ACCEPTED, ComplaintStatus.IN_HANDLING,
                    ComplaintStatus.FEEDBACK_REVIEW);
        assertThat(published).extracting(ComplaintTransitioned::handlingUnitId)
            .containsExactly(null, null, squad, squad, squad);
        assertThat(published).allSatisfy(e -> {
            assertThat(e.ownerUnitId()).isEqualTo(bureau);
            assertThat(e.channel()).isEqualTo(Channel.WEB);
            assertThat(e.toString()).doesNotContain("overcharged").doesNotContain("13900000000");
        });
        assertThat(published.stream().skip(1)).allSatisfy(e -> assertThat(e.actor()).isEqualTo("workteam"));
        assertThat(published.stream().map(ComplaintTransitioned::eventId).distinct()).hasSize(5);
        // the saved row is the aggregate's "after"
        assertThat(jdbc.sql("select status || ' ' || handling_unit_id from complaint where id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("IN_HANDLING " + squad);
    }

}

package org.duban.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Refusals.refusal;

/**
 * Every action of a report's life cycle in every status: what it allows, what it refuses
 * and by which name, and the event each allowed move records.
 */
class ReportTest {

    static final Instant AT = Instant.parse("2023-08-03T02:00:00Z");

    static final UUID CITY = UUID.randomUUID();

    static Report in(ReportStatus status, Integer docSeq) {
        return in(status, docSeq, ReportChannel.BUREAU_TO_SUPERIOR);
    }

    static Report in(ReportStatus status, Integer docSeq, ReportChannel channel) {
        return new Report(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ReportKind.MONTHLY,
                LocalDate.of(2023, 7, 1), "7月工作情况", "前交发", 2023, docSeq, "市交通运输局", null, "p", "r", "q", "s", status,
                null, null, null, status == ReportStatus.DRAFT ? 0 : 1, 3, "workteam", AT, channel, null);
    }

    static Report in(ReportStatus status) {
        return in(status, 12);
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void editingIsAllowedWhileTheReportIsWithItsBureauAndMakesItADraft(ReportStatus s) {
        String refused = refusal(() -> assertThat(in(s).edit()).isEqualTo(ReportStatus.DRAFT));
        switch (s) {
            case DRAFT, APPROVED, RETURNED -> assertThat(refused).isNull();
            case SUBMITTED, RECEIVED -> assertThat(refused).isEqualTo("report.refused.notEditable");
        }
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyADraftIsApproved(ReportStatus s) {
        String refused = refusal(() -> in(s).approve("leader", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.DRAFT ? null : "report.refused.approveNeedsDraft");
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyADraftIsReturnedByTheLeadingGroupAndOnlyWithAComment(ReportStatus s) {
        String refused = refusal(() -> in(s).returnToDrafter("请补充数据", "leader", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.DRAFT ? null : "report.refused.approveNeedsDraft");
        assertThat(refusal(() -> unitReport(s).returnToDrafter("请补充数据", "leader", AT)))
            .isEqualTo("report.refused.noApprovalStep");
    }

    @Test
    void theLeadingGroupsReturnGoesBackToTheWorkTeamWithItsReason() {
        assertThat(refusal(() -> in(ReportStatus.DRAFT).returnToDrafter(" ", "leader", AT)))
            .isEqualTo("report.refused.commentMissing");
        Report.Transition declined = in(ReportStatus.DRAFT).returnToDrafter("请补充数据", "leader", AT);
        assertThat(declined.to()).isEqualTo(ReportStatus.RETURNED);
        assertThat(declined.event().action()).isEqualTo("declined");
        assertThat(declined.event().superiorUnitId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyAnApprovedReportIsSubmitted(ReportStatus s) {
        String refused = refusal(() -> in(s).submit(CITY, "workteam", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.APPROVED ? null : "report.refused.submitNeedsApproval");
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyASubmittedReportIsReceived(ReportStatus s) {
        String refused = refusal(() -> in(s).receive(CITY, "city", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.SUBMITTED ? null : "report.refused.notSubmitted");
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyASubmittedReportIsReturned(ReportStatus s) {
        String refused = refusal(() -> in(s).returnWithComment("请补充数据", CITY, "city", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.SUBMITTED ? null : "report.refused.notSubmitted");
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyADraftAnnouncesItsDrafting(ReportStatus s) {
        String refused = refusal(() -> in(s).drafted("workteam", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.DRAFT ? null : "report.refused.notEditable");
    }

    static Report unitReport(ReportStatus status) {
        return in(status, null, ReportChannel.UNIT_TO_BUREAU);
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void aUnitsReportHasNoApprovalStep(ReportStatus s) {
        assertThat(refusal(() -> unitReport(s).approve("leader", AT))).isEqualTo("report.refused.noApprovalStep");
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void aUnitsDraftIsSubmittedWithoutApprovalAndWithoutNumber(ReportStatus s) {
        String refused = refusal(() -> unitReport(s).submit(CITY, "unit", AT));
        assertThat(refused).isEqualTo(s == ReportStatus.DRAFT ? null : "report.refused.submitNeedsDraft");
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void aUnitsReportIsEditedReceivedAndReturnedLikeABureaus(ReportStatus s) {
        assertThat(refusal(() -> unitReport(s).edit())).isEqualTo(refusal(() -> in(s).edit()));
        assertThat(refusal(() -> unitReport(s).receive(CITY, "workteam", AT)))
            .isEqualTo(refusal(() -> in(s).receive(CITY, "workteam", AT)));
        assertThat(refusal(() -> unitReport(s).returnWithComment("请补充", CITY, "workteam", AT)))
            .isEqualTo(refusal(() -> in(s).returnWithComment("请补充", CITY, "workteam", AT)));
    }

    @Test
    void aUnitsDraftWaitsOnNobodySoItsEventIsNotADraftForApproval() {
        // The to-do hand-over sends "drafted" to the leading group; a unit's draft is
        // "opened".
        assertThat(unitReport(ReportStatus.DRAFT).drafted("unit", AT).event().action()).isEqualTo("opened");
        Report.Transition submitted = unitReport(ReportStatus.DRAFT).submit(CITY, "unit", AT);
        assertThat(submitted.to()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.event().superiorUnitId()).isEqualTo(CITY);
    }

    @Test
    void submissionNeedsTheDocumentNumber() {
        assertThat(refusal(() -> in(ReportStatus.APPROVED, null).submit(CITY, "workteam", AT)))
            .isEqualTo("report.refused.numberMissing");
    }

    @Test
    void aReturnNeedsAComment() {
        Report submitted = in(ReportStatus.SUBMITTED);
        assertThat(refusal(() -> submitted.returnWithComment(" ", CITY, "city", AT)))
            .isEqualTo("report.refused.commentMissing");
        assertThat(refusal(() -> submitted.returnWithComment(null, CITY, "city", AT)))
            .isEqualTo("report.refused.commentMissing");
    }

    @Test
    void eachMoveRecordsItsEventWithTheSuperiorWhereThereIsOne() {
        Report approved = in(ReportStatus.APPROVED);
        Report.Transition submitted = approved.submit(CITY, "workteam", AT);
        assertThat(submitted.to()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.event()).satisfies(e -> {
            assertThat(e.reportId()).isEqualTo(approved.id());
            assertThat(e.action()).isEqualTo("submitted");
            assertThat(e.to()).isEqualTo(ReportStatus.SUBMITTED);
            assertThat(e.unitId()).isEqualTo(approved.unitId());
            assertThat(e.superiorUnitId()).isEqualTo(CITY);
            assertThat(e.actor()).isEqualTo("workteam");
            assertThat(e.at()).isEqualTo(AT);
            assertThat(e.title()).isEqualTo("7月工作情况");
        });
        assertThat(approved.nextVersion()).isEqualTo(2);
        Report.Transition approval = in(ReportStatus.DRAFT).approve("leader", AT);
        assertThat(approval.event().action()).isEqualTo("approved");
        assertThat(approval.event().superiorUnitId()).isNull();
        assertThat(in(ReportStatus.SUBMITTED).receive(CITY, "city", AT).event().action()).isEqualTo("received");
        Report.Transition returned = in(ReportStatus.SUBMITTED).returnWithComment("请补充", CITY, "city", AT);
        assertThat(returned.to()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.event().superiorUnitId()).isEqualTo(CITY);
        assertThat(in(ReportStatus.DRAFT).drafted("workteam", AT).event().action()).isEqualTo("drafted");
    }

}

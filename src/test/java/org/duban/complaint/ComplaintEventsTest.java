package org.duban.complaint;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the aggregate raised is what the service publishes: one event per action, with the
 * states and units after the change, and none for a refused action.
 */
@DubanTest
@RecordApplicationEvents
@WithWorkTeamMember
class ComplaintEventsTest {

    @Autowired
    Complaints complaints;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    long version(UUID id) {
        return jdbc.sql("select version from complaint where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void eachHandOverOfAComplaintIsPublishedOnceWithItsStatesAndUnits() {
        UUID bureau = complaints.intakeUnitFor("OTOGQ");
        UUID squad = units.findByCode("OTOGQ-SQUAD-1").orElseThrow().id();
        DataScope scope = units.currentScope();
        UUID id = complaints
            .submit(new NewComplaint(ComplaintType.PROFIT_DRIVEN, "overcharged at the weighing station",
                    LocalDate.of(2023, 6, 5), "weighing station", null, true, null, null), Channel.WEB, null, List.of(),
                    bureau)
            .complaintId();
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
            assertThat(e.toString()).doesNotContain("overcharged");
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

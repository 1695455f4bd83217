package org.duban.ledger;

import org.duban.organization.OrgUnits;
import org.duban.support.DubanTest;
import org.duban.support.WithLeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal puts the case on the leading group's desk; the decision takes it off and
 * answers the work team: each is published once, with the case's unit and kinds and
 * without the person's name.
 */
@DubanTest
@RecordApplicationEvents
@WithLeader
class AccountabilityEventsTest {

    @Autowired
    AccountabilityRecords records;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theDecisionOnAProposalIsPublishedOnceWithTheCaseAndBothKinds() {
        UUID squad = units.findByCode("OTOGQ-SQUAD-2").orElseThrow().id();
        String reference = jdbc
            .sql("select reference from problem where unit_id = :u or assigned_unit_id = :u order by reference limit 1")
            .param("u", squad)
            .query(String.class)
            .single();
        UUID id = records.create(
                new AccountabilityForm(reference, AccountabilitySubject.PERSON, "Wang Wu", squad,
                        AccountabilityKind.ADMONITION, "released a truck without a penalty decision"),
                units.currentScope());
        List<AccountabilityProposed> proposed = events.stream(AccountabilityProposed.class).toList();
        assertThat(proposed).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(id);
            assertThat(e.unitId()).isEqualTo(squad);
            assertThat(e.proposedKind()).isEqualTo(AccountabilityKind.ADMONITION);
        });
        assertThat(events.stream(AccountabilityDecided.class)).isEmpty();

        long version = jdbc.sql("select version from accountability_record where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
        records.decide(id, new AccountabilityForm.DecisionForm(AccountabilityKind.CIRCULATED_CRITICISM,
                "no penalty decision", "leading group meeting 3", LocalDate.of(2023, 9, 8), version),
                units.currentScope());

        List<AccountabilityDecided> decided = events.stream(AccountabilityDecided.class).toList();
        assertThat(decided).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(id);
            assertThat(e.problemId()).isEqualTo(jdbc.sql("select id from problem where reference = :r")
                .param("r", reference)
                .query(UUID.class)
                .single());
            assertThat(e.unitId()).isEqualTo(squad);
            assertThat(e.proposedKind()).isEqualTo(AccountabilityKind.ADMONITION);
            assertThat(e.decidedKind()).isEqualTo(AccountabilityKind.CIRCULATED_CRITICISM);
            assertThat(e.actor()).isEqualTo("leader");
            assertThat(e.at()).isNotNull();
            assertThat(e.toString()).doesNotContain("Wang Wu");
        });
        assertThat(events.stream(AccountabilityProposed.class)).hasSize(1);
    }

}

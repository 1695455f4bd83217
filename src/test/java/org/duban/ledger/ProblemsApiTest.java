package org.duban.ledger;

import org.duban.shared.BusinessRuleViolation;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's API as other modules call it. */
@DubanTest
@WithWorkTeamMember
class ProblemsApiTest {

    @Autowired
    Problems problems;

    @Autowired
    JdbcClient jdbc;

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    @Test
    void aRegisteredProblemCanBeFoundWithItsReferenceAndStatus() {
        String complaintId = UUID.randomUUID().toString();
        UUID id = problems
            .register(new NewProblem(null, ProblemSource.COMPLAINT, complaintId, ProblemCategory.IRREGULAR, null,
                    unit("OTOGQ-SQUAD-1"), null, "different fines for the same case", LocalDate.of(2023, 4, 3), false));

        ProblemRef ref = problems.find(id).orElseThrow();
        assertThat(ref.status()).isEqualTo(ProblemStatus.REGISTERED);
        assertThat(ref.reference()).matches("DB-\\d{4}-\\d{5}");
        assertThat(ref.sourceRef()).isEqualTo(complaintId);
        assertThat(ref.campaignId()).as("falls back to the active campaign of the unit's bureau").isNotNull();
        assertThat(problems.findBySource(ProblemSource.COMPLAINT, complaintId)).extracting(ProblemRef::id)
            .containsExactly(id);
        assertThat(
                jdbc.sql("select created_by from problem where id = :id").param("id", id).query(String.class).single())
            .isEqualTo("workteam");
        assertThat(jdbc.sql("select count(*) from audit_log where object_id = :id and action = 'problem.registered'")
            .param("id", id.toString())
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    void officersNamedMakeTheEntryConfidential() {
        UUID id = problems.register(new NewProblem(null, ProblemSource.RISK_SCREENING, "f-1",
                ProblemCategory.RENT_SEEKING, null, unit("OTOGQ-SQUAD-2"), "officer 1502", "favour case", null, false));
        assertThat(jdbc.sql("select confidential from problem where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single()).isTrue();
    }

    @Test
    void incompleteProblemsAreRefused() {
        assertThatThrownBy(() -> problems.register(new NewProblem(null, ProblemSource.OTHER, null, null, null,
                unit("OTOGQ-SQUAD-2"), null, "x", null, false)))
            .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> problems.register(new NewProblem(null, ProblemSource.OTHER, null,
                ProblemCategory.ROUGH, null, UUID.randomUUID(), null, "x", null, false)))
            .isInstanceOf(BusinessRuleViolation.class);
        assertThat(problems.find(UUID.randomUUID())).isEmpty();
    }

}

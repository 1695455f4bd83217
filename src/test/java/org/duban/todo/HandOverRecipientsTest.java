package org.duban.todo;

import org.duban.campaign.KeyTaskAwaitingAcceptance;
import org.duban.campaign.KeyTaskHandedOver;
import org.duban.complaint.Channel;
import org.duban.complaint.ComplaintStatus;
import org.duban.complaint.ComplaintTransitioned;
import org.duban.ledger.AccountabilityKind;
import org.duban.inspection.DrawTransitioned;
import org.duban.ledger.AccountabilityDecided;
import org.duban.ledger.AccountabilityProposed;
import org.duban.ledger.ProblemStatus;
import org.duban.ledger.ProblemTransitioned;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportTransitioned;
import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each hand-over reaches exactly the people at the desk it lands on, once, and no one
 * outside the item's scope: the demonstration accounts are leader (bureau, leading
 * group), workteam (bureau office, work team), unit (一中队, unit staff), auditor, city
 * (superior bureau) and admin. "tester" hands over, so nobody is left out as the actor.
 */
@DubanTest
class HandOverRecipientsTest {

    static final java.util.regex.Pattern DEMONSTRATION_LOGIN = java.util.regex.Pattern
        .compile("admin|leader|workteam|unit|auditor|city|city-workteam|(otog|hangjin)-[a-z]+");

    @Autowired
    HandOvers handOvers;

    @Autowired
    HandOverNotices notices;

    @Autowired
    JdbcClient jdbc;

    UUID unit(String code) {
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(UUID.class).single();
    }

    Set<String> logins(Optional<HandOvers.Notice> notice) {
        if (notice.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = notices.recipientsOf(notice.get());
        assertThat(ids).doesNotHaveDuplicates();
        Set<String> logins = new TreeSet<>();
        for (UUID id : ids) {
            logins.add(jdbc.sql("select coalesce(login, name) from staff where id = :id")
                .param("id", id)
                .query(String.class)
                .single());
        }
        // Other tests of the shared context add accounts (live-…, first-…); the table
        // speaks of the demonstration's.
        logins.removeIf(login -> !DEMONSTRATION_LOGIN.matcher(login).matches());
        return logins;
    }

    ProblemTransitioned problem(String action, ProblemStatus to, String unitCode, boolean confidential) {
        UUID u = unit(unitCode);
        return new ProblemTransitioned(UUID.randomUUID(), UUID.randomUUID(), "TEST-1", action, ProblemStatus.REGISTERED,
                to, u, u, action.equals("assign") || action.equals("confirm") ? null : u, confidential, "tester",
                Instant.now());
    }

    ComplaintTransitioned complaint(String action, ComplaintStatus to) {
        return new ComplaintTransitioned(UUID.randomUUID(), UUID.randomUUID(), action, ComplaintStatus.SUBMITTED, to,
                unit("OTOGQ"), unit("OTOGQ-SQUAD-1"), Channel.WEB, "tester", Instant.now());
    }

    ReportTransitioned report(String action, ReportStatus to) {
        return new ReportTransitioned(UUID.randomUUID(), UUID.randomUUID(), "report", action, to, unit("OTOGQ"),
                action.equals("drafted") || action.equals("approved") ? null : unit("ORDOS"), "tester", Instant.now());
    }

    KeyTaskHandedOver task(String action) {
        return new KeyTaskHandedOver(UUID.randomUUID(), UUID.randomUUID(), "task", action, unit("OTOGQ-SQUAD-1"), null,
                40, "tester", Instant.now());
    }

    DrawTransitioned draw(String action) {
        return new DrawTransitioned(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "draw", action,
                unit("OTOGQ"), null, "tester", Instant.now());
    }

    @Test
    void eachHandOverReachesExactlyTheExpectedPeople() {
        Map<String, Object[]> table = new LinkedHashMap<>();
        // hand-over → {notice, expected logins}
        table.put("problem assigned", row(
                handOvers.of(problem("assign", ProblemStatus.ASSIGNED, "OTOGQ-SQUAD-1", false)), "unit", "workteam"));
        table.put("confidential clue assigned",
                row(handOvers.of(problem("assign", ProblemStatus.ASSIGNED, "OTOGQ-SQUAD-1", true)), "workteam"));
        table.put("problem confirmed", row(
                handOvers.of(problem("confirm", ProblemStatus.CONFIRMED, "OTOGQ-SQUAD-1", false)), "unit", "workteam"));
        table.put("problem dismissed (returned)",
                row(handOvers.of(problem("dismiss", ProblemStatus.UNFOUNDED, "OTOGQ-SQUAD-1", false)), "unit"));
        table.put("rectification started",
                row(handOvers.of(problem("rectify", ProblemStatus.RECTIFYING, "OTOGQ-SQUAD-1", false)), "unit"));
        table.put("problem rectified",
                row(handOvers.of(problem("rectified", ProblemStatus.RECTIFIED, "OTOGQ-SQUAD-1", false)), "workteam"));
        table.put("check failed",
                row(handOvers.of(problem("check.failed", ProblemStatus.RECTIFYING, "OTOGQ-SQUAD-1", false)), "unit"));
        table.put("check passed",
                row(handOvers.of(problem("check.passed", ProblemStatus.VERIFIED, "OTOGQ-SQUAD-1", false)), "leader",
                        "workteam"));
        table.put("problem signed off",
                row(handOvers.of(problem("signOff", ProblemStatus.SIGNED_OFF, "OTOGQ-SQUAD-1", false)), "unit"));
        table.put("problem reopened",
                row(handOvers.of(problem("reopen", ProblemStatus.RECTIFYING, "OTOGQ-SQUAD-1", false)), "unit"));
        table.put("clue reopened for verification",
                row(handOvers.of(problem("reopen", ProblemStatus.VERIFYING, "OTOGQ-SQUAD-1", true)), "workteam"));
        table.put("verification started (same desk)",
                row(handOvers.of(problem("verify", ProblemStatus.VERIFYING, "OTOGQ-SQUAD-1", false))));
        table.put("problem of another county (its own desks only)",
                row(handOvers.of(problem("assign", ProblemStatus.ASSIGNED, "OTOG-SQUAD-1", false)), "otog-unit",
                        "otog-workteam"));
        table.put("complaint received",
                row(handOvers.of(complaint("submitted", ComplaintStatus.SUBMITTED)), "workteam"));
        table.put("complaint accepted (same desk)", row(handOvers.of(complaint("accepted", ComplaintStatus.ACCEPTED))));
        table.put("complaint transferred",
                row(handOvers.of(complaint("transferred", ComplaintStatus.SUBMITTED)), "workteam"));
        table.put("complaint assigned", row(handOvers.of(complaint("assigned", ComplaintStatus.IN_HANDLING)), "unit"));
        table.put("complaint answered",
                row(handOvers.of(complaint("answered", ComplaintStatus.FEEDBACK_REVIEW)), "workteam"));
        table.put("complaint answer returned",
                row(handOvers.of(complaint("feedback.returned", ComplaintStatus.IN_HANDLING)), "unit"));
        table.put("complaint answer published",
                row(handOvers.of(complaint("feedback.published", ComplaintStatus.ANSWERED)), "unit"));
        table.put("complaint rated not satisfied",
                row(handOvers.of(complaint("reopened", ComplaintStatus.REOPENED)), "unit", "workteam"));
        table.put("report waiting for approval", row(handOvers.of(report("drafted", ReportStatus.DRAFT)), "leader"));
        table.put("report approved", row(handOvers.of(report("approved", ReportStatus.APPROVED)), "admin", "workteam"));
        table.put("report submitted", row(handOvers.of(report("submitted", ReportStatus.SUBMITTED)), "city"));
        table.put("report received", row(handOvers.of(report("received", ReportStatus.RECEIVED)), "admin", "workteam"));
        table.put("report returned", row(handOvers.of(report("returned", ReportStatus.RETURNED)), "admin", "workteam"));
        table.put("key task assigned", row(handOvers.of(task("assigned")), "unit"));
        table.put("key task progress reported", row(handOvers.of(task("progress")), "workteam"));
        table.put("key task waiting for acceptance", row(handOvers.of(new KeyTaskAwaitingAcceptance(UUID.randomUUID(),
                UUID.randomUUID(), "task", unit("OTOGQ-SQUAD-1"), null)), "leader"));
        table.put("accountability proposal waiting for decision",
                row(handOvers.of(new AccountabilityProposed(UUID.randomUUID(), UUID.randomUUID(), unit("OTOGQ-SQUAD-1"),
                        AccountabilityKind.TALK_REMINDER)), "leader"));
        table.put("accountability decided (back to the work team)",
                row(handOvers.of(new AccountabilityDecided(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        unit("OTOGQ-SQUAD-1"), AccountabilityKind.TALK_REMINDER, AccountabilityKind.TALK_REMINDER,
                        "leader", Instant.now())), "workteam"));
        table.put("draw frozen (to be drawn)", row(handOvers.of(draw("frozen")), "admin", "workteam"));
        table.put("draw made (to be published)", row(handOvers.of(draw("drawn")), "admin", "workteam"));
        table.put("draw published (done)", row(handOvers.of(draw("published"))));

        Map<String, Set<String>> actual = new LinkedHashMap<>();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        table.forEach((name, r) -> {
            @SuppressWarnings("unchecked")
            Optional<HandOvers.Notice> notice = (Optional<HandOvers.Notice>) r[0];
            actual.put(name, logins(notice));
            expected.put(name, new TreeSet<>(List.of((String[]) r[1])));
        });
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void whoeverHandsOverIsNotNotifiedOfTheirOwnAction() {
        ProblemTransitioned e = problem("check.passed", ProblemStatus.VERIFIED, "OTOGQ-SQUAD-1", false);
        ProblemTransitioned byWorkTeam = new ProblemTransitioned(e.eventId(), e.problemId(), e.reference(), e.action(),
                e.from(), e.to(), e.unitId(), e.assignedUnitId(), e.responsibleUnitId(), false, "workteam", e.at());
        assertThat(logins(handOvers.of(byWorkTeam))).containsExactly("leader");
    }

    private static Object[] row(Optional<HandOvers.Notice> notice, String... logins) {
        return new Object[] { notice, logins };
    }

}

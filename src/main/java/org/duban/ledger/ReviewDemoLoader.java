package org.duban.ledger;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.DemoLoader;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * 举一反三 and 回头看 in the demonstration: root causes on the confirmed problems of the
 * demonstration ledger, and a completed review round of October 2023 over its signed-off
 * (non-confidential) problems, all found held.
 */
@Component
@Order(155)
class ReviewDemoLoader implements DemoLoader {

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final ProblemLedger ledger;

    private final ReviewRounds rounds;

    private final MessageSource messages;

    private final TransactionTemplate tx;

    ReviewDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, ProblemLedger ledger, ReviewRounds rounds,
            MessageSource messages, TransactionTemplate tx) {
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.ledger = ledger;
        this.rounds = rounds;
        this.messages = messages;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.wanted() || jdbc.sql("select count(*) from review_round").query(Long.class).single() > 0) {
            return;
        }
        DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
        UUID bureau = units.findByCode("OTOGQ").map(OrgUnit::id).orElse(null);
        if (bureau == null) {
            return;
        }
        tx.executeWithoutResult(status -> demoMode.runAs("workteam", () -> {
            List<UUID> confirmed = jdbc.sql("""
                    select id from problem where not confidential and root_cause is null
                    and status in ('CONFIRMED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'SIGNED_OFF') order by reference
                    """).query(UUID.class).list();
            RootCause[] causes = { RootCause.RULE_NOT_FOLLOWED, RootCause.SUPERVISION, RootCause.NO_RULE,
                    RootCause.SKILL, RootCause.AWARENESS };
            for (int i = 0; i < confirmed.size(); i++) {
                Problem p = ledger.get(confirmed.get(i), all);
                ledger.setRootCause(p.id(), p.version(), causes[i % causes.length], null, all);
                // dated an hour after the problem's last step of 2023, like the rest of
                // the demonstration ledger
                java.sql.Timestamp at = java.sql.Timestamp.from(p.updatedAt().plusSeconds(3600));
                jdbc.sql("update problem_change set at = :at where problem_id = :id and action = 'rootCause'")
                    .param("at", at)
                    .param("id", p.id())
                    .update();
                jdbc.sql("update problem set updated_at = :at where id = :id")
                    .param("at", at)
                    .param("id", p.id())
                    .update();
            }
            List<String> signedOff = jdbc.sql("""
                    select reference from problem where status = 'SIGNED_OFF' and not confidential order by reference
                    """).query(String.class).list();
            if (signedOff.isEmpty()) {
                return;
            }
            UUID round = rounds.plan(messages.getMessage("review.demo.title", null, Locale.SIMPLIFIED_CHINESE),
                    LocalDate.of(2023, 10, 16), bureau, all);
            long version = 0;
            for (String reference : signedOff) {
                rounds.add(round, version++, reference, all);
            }
            for (ReviewRound.Item item : rounds.get(round, all).items()) {
                rounds.record(round, version++, item.problemId(), ReviewResult.HELD,
                        messages.getMessage("review.demo.held", null, Locale.SIMPLIFIED_CHINESE), all);
            }
            rounds.complete(round, version, LocalDate.of(2023, 10, 27), all);
            jdbc.sql("""
                    update review_round set created_at = timestamp with time zone '2023-10-16 09:00+08',
                           updated_at = timestamp with time zone '2023-10-27 17:00+08' where id = :id
                    """).param("id", round).update();
            jdbc.sql(
                    "update review_item set reviewed_at = timestamp with time zone '2023-10-25 15:00+08' where round_id = :id")
                .param("id", round)
                .update();
        }));
    }

}

package org.duban.complaint;

import org.duban.ledger.ProblemRef;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.ProblemStatus;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.UnitKind;
import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action of the complaint life cycle in every status, and the rules around them.
 */
class ComplaintTest {

    static final Instant NOW = Instant.parse("2023-05-08T02:00:00Z");

    static final LocalDate DUE = LocalDate.of(2023, 5, 22);

    static final UUID BUREAU = UUID.randomUUID();

    static final OrgUnit SQUAD = unit("squad");

    static final OrgUnit OTHER_BUREAU = unit("other bureau");

    static final DataScope BUREAU_SCOPE = new DataScope(Set.of(BUREAU, SQUAD.id()), "/b/");

    static OrgUnit unit(String name) {
        return new OrgUnit(UUID.randomUUID(), BUREAU, "/b/x/", name, name, UnitKind.values()[0], 0, 0);
    }

    static Complaint in(ComplaintStatus status) {
        return in(status, "the published answer", null);
    }

    static Complaint in(ComplaintStatus status, String feedback, UUID problemId) {
        return new Complaint(UUID.randomUUID(), Channel.values()[0], ComplaintType.OTHER, "content", null, null, null,
                false, BUREAU, null, status, NOW.minusSeconds(86400), DUE.minusDays(10), DUE, null, null, null, null,
                null, feedback, null, null, null, null, null, null, 0, problemId, 4, "TS-2023-00001");
    }

    static ProblemRef problem() {
        return new ProblemRef(UUID.randomUUID(), "DB-2023-00007", ProblemStatus.REGISTERED, null, BUREAU,
                ProblemSource.COMPLAINT, null);
    }

    /**
     * The life cycle as a matrix: the status each action leads to from each status, "-"
     * where the action is refused. Columns in the order of {@link ComplaintStatus}.
     */
    static final String MATRIX = """
            action              SUBMITTED  ACCEPTED  IN_HANDLING     FEEDBACK_REVIEW  ANSWERED   REOPENED     DECLINED  CLOSED
            accept              ACCEPTED   -         -               -                -          -            -         -
            decline             DECLINED   -         -               -                -          -            -         -
            transfer            SUBMITTED  SUBMITTED -               -                -          -            -         -
            assign              -          IN_HANDLING IN_HANDLING   -                -          IN_HANDLING  -         -
            extend              SUBMITTED  ACCEPTED  IN_HANDLING     FEEDBACK_REVIEW  ANSWERED   REOPENED     -         -
            answer              -          FEEDBACK_REVIEW FEEDBACK_REVIEW -          -          FEEDBACK_REVIEW -      -
            publishFeedback     -          -         -               ANSWERED         -          -            -         -
            returnFeedback      -          -         -               IN_HANDLING      -          -            -         -
            close               CLOSED     CLOSED    CLOSED          CLOSED           CLOSED     CLOSED       -         -
            rateSatisfied       -          -         -               -                CLOSED     -            -         -
            rateNotSatisfied    -          -         -               -                REOPENED   -            -         -
            linkProblem         SUBMITTED  ACCEPTED  IN_HANDLING     FEEDBACK_REVIEW  ANSWERED   REOPENED     DECLINED  CLOSED
            """;

    /** Each action, and the reason it gives when the status does not allow it. */
    static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

    record Action(Function<Complaint, Complaint.Transition> call, String refusal) {
    }

    static {
        String illegal = "complaint.illegalTransition";
        ACTIONS.put("accept", new Action(c -> c.accept("workteam", NOW), illegal));
        ACTIONS.put("decline", new Action(c -> c.decline("not ours", "workteam", NOW), illegal));
        ACTIONS.put("transfer", new Action(c -> c.transfer(OTHER_BUREAU, "theirs", "workteam", NOW), illegal));
        ACTIONS.put("assign", new Action(c -> c.assign(SQUAD, BUREAU_SCOPE, "workteam", NOW), illegal));
        ACTIONS.put("extend", new Action(c -> c.extend(5, "site visit", (d, n) -> d.plusDays(n + 2), "workteam", NOW),
                "complaint.extensionRefused"));
        ACTIONS.put("answer", new Action(c -> c.answer("fined", "we fined them", "squad", NOW), illegal));
        ACTIONS.put("publishFeedback", new Action(c -> c.publishFeedback("we fined them", "workteam", NOW), illegal));
        ACTIONS.put("returnFeedback", new Action(c -> c.returnFeedback("too vague", "workteam", NOW), illegal));
        ACTIONS.put("close", new Action(c -> c.close(Closure.OTHER, "withdrawn by phone", "workteam", NOW),
                "complaint.closeRefused"));
        ACTIONS.put("rateSatisfied",
                new Action(c -> c.rate(Satisfaction.SATISFIED, null, "public", NOW), "complaint.notAnswered"));
        ACTIONS.put("rateNotSatisfied", new Action(
                c -> c.rate(Satisfaction.NOT_SATISFIED, " still there ", "public", NOW), "complaint.notAnswered"));
        ACTIONS.put("linkProblem", new Action(c -> c.linkProblem(ComplaintTest::problem, "workteam", NOW), null));
    }

    static Stream<Arguments> everyStatusAndAction() {
        List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        assertThat(header.subList(1, header.size()))
            .containsExactly(Arrays.stream(ComplaintStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(lines.stream().skip(1).map(l -> l.trim().split("\\s+")[0]).toList())
            .containsExactlyElementsOf(ACTIONS.keySet());
        return lines.stream().skip(1).flatMap(line -> {
            String[] cells = line.trim().split("\\s+");
            return Arrays.stream(ComplaintStatus.values())
                .map(s -> Arguments.of(cells[0], s,
                        cells[s.ordinal() + 1].equals("-") ? null : ComplaintStatus.valueOf(cells[s.ordinal() + 1])));
        });
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @MethodSource("everyStatusAndAction")
    void everyActionInEveryStatus(String name, ComplaintStatus from, ComplaintStatus expected) {
        Action action = ACTIONS.get(name);
        Complaint complaint = in(from);
        if (expected == null) {
            assertThatThrownBy(() -> action.call().apply(complaint)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey())
                .isEqualTo(action.refusal());
            return;
        }
        Complaint.Transition t = action.call().apply(complaint);
        assertThat(t.after().status()).isEqualTo(expected);
        assertThat(t.before()).isSameAs(complaint);
        assertThat(complaint.status()).as("the loaded complaint is left as it was").isEqualTo(from);
        assertThat(t.after().version()).isEqualTo(complaint.version() + 1);
        ComplaintTransitioned event = t.event();
        assertThat(event.complaintId()).isEqualTo(complaint.id());
        assertThat(event.action()).isEqualTo(t.action());
        assertThat(event.from()).isEqualTo(from);
        assertThat(event.to()).isEqualTo(expected);
        assertThat(event.ownerUnitId()).isEqualTo(t.after().ownerUnitId());
        assertThat(event.handlingUnitId()).isEqualTo(t.after().handlingUnitId());
        assertThat(event.at()).isEqualTo(NOW);
    }

    @Test
    void theIllegalTransitionNamesTheCurrentStatus() {
        assertThatThrownBy(() -> in(ComplaintStatus.CLOSED).accept("workteam", NOW))
            .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                assertThat(e.messageKey()).isEqualTo("complaint.illegalTransition");
                assertThat(e.args()).containsExactly("CLOSED");
            });
    }

    @Test
    void acceptingStampsTheTimeAndTransferringForgetsIt() {
        Complaint accepted = in(ComplaintStatus.SUBMITTED).accept("workteam", NOW).after();
        assertThat(accepted.acceptedAt()).isEqualTo(NOW);
        Complaint.Transition moved = accepted.transfer(OTHER_BUREAU, "their county", "workteam", NOW);
        assertThat(moved.after().acceptedAt()).isNull();
        assertThat(moved.after().ownerUnitId()).isEqualTo(OTHER_BUREAU.id());
        assertThat(moved.after().handlingUnitId()).isNull();
        assertThat(moved.note()).isEqualTo("their county -> other bureau");
        assertThat(moved.event().ownerUnitId()).isEqualTo(OTHER_BUREAU.id());
    }

    @Test
    void aTransferNeedsAnotherExistingUnit() {
        Complaint c = in(ComplaintStatus.SUBMITTED);
        OrgUnit self = new OrgUnit(BUREAU, null, "/b/", "b", "bureau", UnitKind.values()[0], 0, 0);
        assertThatThrownBy(() -> c.transfer(self, "x", "workteam", NOW))
            .hasMessageContaining("complaint.transferToSelf");
        assertThatThrownBy(() -> c.transfer(null, "x", "workteam", NOW)).hasMessageContaining("complaint.unknownUnit");
    }

    @Test
    void onlyAUnitOfTheBureauIsAssigned() {
        Complaint c = in(ComplaintStatus.ACCEPTED);
        assertThatThrownBy(() -> c.assign(OTHER_BUREAU, BUREAU_SCOPE, "workteam", NOW))
            .hasMessageContaining("complaint.unitOutOfScope");
        assertThatThrownBy(() -> c.assign(null, BUREAU_SCOPE, "workteam", NOW))
            .hasMessageContaining("complaint.unitOutOfScope");
        Complaint.Transition t = c.assign(SQUAD, BUREAU_SCOPE, "workteam", NOW);
        assertThat(t.after().handlingUnitId()).isEqualTo(SQUAD.id());
        assertThat(t.event().handlingUnitId()).isEqualTo(SQUAD.id());
        assertThat(t.note()).isEqualTo("squad");
    }

    @Test
    void anExtensionIsOneToSixtyWorkingDaysOnTheBureausCalendar() {
        Complaint c = in(ComplaintStatus.IN_HANDLING);
        assertThatThrownBy(() -> c.extend(0, "x", (d, n) -> d.plusDays(n), "w", NOW))
            .hasMessageContaining("complaint.extensionRefused");
        assertThatThrownBy(() -> c.extend(61, "x", (d, n) -> d.plusDays(n), "w", NOW))
            .hasMessageContaining("complaint.extensionRefused");
        Complaint.Transition t = c.extend(5, "site visit", (d, n) -> d.plusDays(n + 2), "w", NOW);
        assertThat(t.after().dueOn()).isEqualTo(DUE.plusDays(7));
        assertThat(t.after().extensionReason()).isEqualTo("site visit");
        assertThat(t.note()).isEqualTo("site visit (2023-05-22 -> 2023-05-29)");
    }

    @Test
    void answeringProposesTheTextAndPublishingMakesItPublic() {
        Complaint review = in(ComplaintStatus.IN_HANDLING, null, null).answer("fined", "draft", "squad", NOW).after();
        assertThat(review.result()).isEqualTo("fined");
        assertThat(review.feedbackDraft()).isEqualTo("draft");
        assertThat(review.feedback()).isNull();
        Complaint answered = review.publishFeedback("final text", "workteam", NOW).after();
        assertThat(answered.feedback()).isEqualTo("final text");
        assertThat(answered.answeredAt()).isEqualTo(NOW);
        Complaint.Transition returned = review.returnFeedback("too vague", "workteam", NOW);
        assertThat(returned.after().feedback()).isNull();
        assertThat(returned.note()).isEqualTo("too vague");
    }

    @Test
    void closingAsResolvedNeedsAPublishedAnswerAndDecliningHasItsOwnAction() {
        Complaint unanswered = in(ComplaintStatus.IN_HANDLING, null, null);
        assertThatThrownBy(() -> unanswered.close(Closure.RESOLVED, null, "w", NOW))
            .hasMessageContaining("complaint.resolvedNeedsFeedback");
        assertThatThrownBy(() -> unanswered.close(Closure.DECLINED, null, "w", NOW))
            .hasMessageContaining("complaint.closeRefused");
        Complaint.Transition closed = in(ComplaintStatus.ANSWERED).close(Closure.RESOLVED, "done", "w", NOW);
        assertThat(closed.after().closure()).isEqualTo(Closure.RESOLVED);
        assertThat(closed.after().closedAt()).isEqualTo(NOW);
        assertThat(closed.note()).isEqualTo("RESOLVED: done");
    }

    @Test
    void decliningClosesWithTheReason() {
        Complaint declined = in(ComplaintStatus.SUBMITTED).decline("not a traffic matter", "w", NOW).after();
        assertThat(declined.closure()).isEqualTo(Closure.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("not a traffic matter");
        assertThat(declined.closedAt()).isEqualTo(NOW);
        assertThat(declined.status().isOpen()).isFalse();
    }

    @Test
    void aSatisfiedRatingClosesAsResolvedAndANotSatisfiedOneReopens() {
        Complaint closed = in(ComplaintStatus.ANSWERED).rate(Satisfaction.BASICALLY_SATISFIED, " ", "public", NOW)
            .after();
        assertThat(closed.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(closed.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(closed.satisfactionComment()).isNull();
        assertThat(closed.ratedAt()).isEqualTo(NOW);
        assertThat(closed.reopenCount()).isZero();
        Complaint.Transition reopened = in(ComplaintStatus.ANSWERED).rate(Satisfaction.NOT_SATISFIED, " still there ",
                "public", NOW);
        assertThat(reopened.action()).isEqualTo("reopened");
        assertThat(reopened.after().reopenCount()).isEqualTo(1);
        assertThat(reopened.after().closure()).isNull();
        assertThat(reopened.after().satisfactionComment()).isEqualTo("still there");
        assertThat(reopened.event().actor()).isEqualTo("public");
    }

    @Test
    void aComplaintPointsAtOneProblemAndAskedForNoneOnceLinked() {
        AtomicInteger asked = new AtomicInteger();
        Complaint.Transition t = in(ComplaintStatus.CLOSED).linkProblem(() -> {
            asked.incrementAndGet();
            return problem();
        }, "workteam", NOW);
        assertThat(t.after().problemId()).isNotNull();
        assertThat(t.note()).isEqualTo("DB-2023-00007");
        Complaint linked = t.after();
        assertThatThrownBy(() -> linked.linkProblem(() -> {
            asked.incrementAndGet();
            return problem();
        }, "workteam", NOW)).hasMessageContaining("complaint.alreadyLinked");
        assertThat(asked).hasValue(1);
    }

    @Test
    void informationIsAddedOnlyWhileOpen() {
        for (ComplaintStatus s : ComplaintStatus.values()) {
            if (s.isOpen()) {
                in(s).acceptInformation();
            }
            else {
                assertThatThrownBy(() -> in(s).acceptInformation())
                    .hasMessageContaining("complaint.closedForInformation");
            }
        }
    }

    @Test
    void aReceivedComplaintRaisesItsEventWithoutAnEarlierState() {
        UUID id = UUID.randomUUID();
        ComplaintTransitioned e = Complaint.received(id, BUREAU, Channel.values()[0], "public", NOW);
        assertThat(e.action()).isEqualTo("submitted");
        assertThat(e.from()).isNull();
        assertThat(e.to()).isEqualTo(ComplaintStatus.SUBMITTED);
        assertThat(e.ownerUnitId()).isEqualTo(BUREAU);
    }

}

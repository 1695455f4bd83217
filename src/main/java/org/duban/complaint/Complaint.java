package org.duban.complaint;

import org.duban.ledger.ProblemRef;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The complaint aggregate, as staff see it. The reporter's identity is not part of it: it
 * is revealed separately, with a reason.
 * <p>
 * Each action checks the status and its own preconditions and returns a
 * {@link Transition}: the complaint after the change and the event it raises. An illegal
 * move is refused with a {@link BusinessRuleViolation} naming the reason and changes
 * nothing. Saving the transition (and publishing its event) is {@link Complaints}'
 * business.
 */
@AggregateRoot
public record Complaint(UUID id, Channel channel, ComplaintType type, String content, LocalDate occurredOn,
        String location, String unitConcerned, boolean anonymous, UUID ownerUnitId, UUID handlingUnitId,
        ComplaintStatus status, Instant submittedAt, LocalDate acknowledgeDueOn, LocalDate dueOn,
        String extensionReason, Instant acceptedAt, String declineReason, String result, String feedbackDraft,
        String feedback, Instant answeredAt, Instant closedAt, Closure closure, Satisfaction satisfaction,
        String satisfactionComment, Instant ratedAt, int reopenCount, UUID problemId, long version, String number) {

    private static final Set<ComplaintStatus> TRANSFERABLE = EnumSet.of(ComplaintStatus.SUBMITTED,
            ComplaintStatus.ACCEPTED);

    private static final Set<ComplaintStatus> ASSIGNABLE = EnumSet.of(ComplaintStatus.ACCEPTED,
            ComplaintStatus.IN_HANDLING, ComplaintStatus.REOPENED);

    // A bureau that handles a complaint itself answers it straight after accepting it.
    private static final Set<ComplaintStatus> ANSWERABLE = EnumSet.of(ComplaintStatus.IN_HANDLING,
            ComplaintStatus.ACCEPTED, ComplaintStatus.REOPENED);

    /**
     * What an action did: the complaint before and after, the line for its history, the
     * values the audit log records, and the event it raises.
     *
     * @param note the text of the history line (a reason, a unit's name), or null
     * @param audited the new values as the audit log shows them
     */
    public record Transition(String action, Complaint before, Complaint after, String note, Map<String, String> audited,
            ComplaintTransitioned event) {
    }

    public boolean overdue(LocalDate today) {
        return status.isOpen() && status != ComplaintStatus.ANSWERED && today.isAfter(dueOn);
    }

    /**
     * The number staff and the public see (TS-2023-00123; never the receipt). Older rows
     * fall back to the id.
     */
    public String reference() {
        return number != null ? number : id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /**
     * The event of a complaint just received; it has no earlier state, so it is raised
     * here rather than by a transition.
     */
    public static ComplaintTransitioned received(UUID id, UUID ownerUnitId, Channel channel, String by, Instant at) {
        return new ComplaintTransitioned(UUID.randomUUID(), id, "submitted", null, ComplaintStatus.SUBMITTED,
                ownerUnitId, null, channel, by, at);
    }

    /** 受理: the receiving bureau takes the complaint on. */
    public Transition accept(String by, Instant at) {
        require(EnumSet.of(ComplaintStatus.SUBMITTED));
        return move("accepted", null, Map.of(), by, at, c -> {
            c.status = ComplaintStatus.ACCEPTED;
            c.acceptedAt = at;
        });
    }

    /** 不予受理: closed at once with the reason the public will read. */
    public Transition decline(String reason, String by, Instant at) {
        require(EnumSet.of(ComplaintStatus.SUBMITTED));
        return move("declined", reason, Map.of("reason", String.valueOf(reason)), by, at, c -> {
            c.status = ComplaintStatus.DECLINED;
            c.declineReason = reason;
            c.closure = Closure.DECLINED;
            c.closedAt = at;
        });
    }

    /**
     * 转办: to another bureau or unit, which accepts it afresh.
     * @param to the receiving unit, null when the chosen unit does not exist
     */
    public Transition transfer(OrgUnit to, String reason, String by, Instant at) {
        require(TRANSFERABLE);
        if (to == null) {
            throw new BusinessRuleViolation("complaint.unknownUnit");
        }
        if (to.id().equals(ownerUnitId)) {
            throw new BusinessRuleViolation("complaint.transferToSelf");
        }
        return move("transferred", reason + " -> " + to.name(), Map.of("unit", to.id().toString()), by, at, c -> {
            c.status = ComplaintStatus.SUBMITTED;
            c.ownerUnitId = to.id();
            c.handlingUnitId = null;
            c.acceptedAt = null;
        });
    }

    /**
     * 交办: a unit of the bureau handles it within the time limit (again, after a return or
     * a reopening).
     * @param unit the unit, null when the chosen unit does not exist
     * @param bureau the units the dispatcher may hand work to
     */
    public Transition assign(OrgUnit unit, DataScope bureau, String by, Instant at) {
        require(ASSIGNABLE);
        if (unit == null || !bureau.includes(unit.id())) {
            throw new BusinessRuleViolation("complaint.unitOutOfScope");
        }
        return move("assigned", unit.name(), Map.of("unit", unit.id().toString()), by, at, c -> {
            c.status = ComplaintStatus.IN_HANDLING;
            c.handlingUnitId = unit.id();
        });
    }

    /**
     * 延期: the answer's time limit moves on by 1 to 60 working days; the status stays.
     * @param addWorkingDays the bureau's calendar (a date plus working days)
     */
    public Transition extend(int workingDaysMore, String reason,
            BiFunction<LocalDate, Integer, LocalDate> addWorkingDays, String by, Instant at) {
        if (!status.isOpen() || workingDaysMore < 1 || workingDaysMore > 60) {
            throw new BusinessRuleViolation("complaint.extensionRefused");
        }
        LocalDate due = addWorkingDays.apply(dueOn, workingDaysMore);
        return move("extended", reason + " (" + dueOn + " -> " + due + ")",
                Map.of("due", due.toString(), "reason", String.valueOf(reason)), by, at, c -> {
                    c.dueOn = due;
                    c.extensionReason = reason;
                });
    }

    /**
     * The handling unit records its result and proposes the text the public will see; the
     * work team reviews it.
     */
    public Transition answer(String result, String feedbackDraft, String by, Instant at) {
        require(ANSWERABLE);
        return move("answered", null, Map.of("result", String.valueOf(result), "draft", String.valueOf(feedbackDraft)),
                by, at, c -> {
                    c.status = ComplaintStatus.FEEDBACK_REVIEW;
                    c.result = result;
                    c.feedbackDraft = feedbackDraft;
                });
    }

    /** The work team publishes the reviewed answer: the public sees it from now on. */
    public Transition publishFeedback(String feedback, String by, Instant at) {
        require(EnumSet.of(ComplaintStatus.FEEDBACK_REVIEW));
        return move("feedback.published", null, Map.of("feedback", String.valueOf(feedback)), by, at, c -> {
            c.status = ComplaintStatus.ANSWERED;
            c.feedback = feedback;
            c.answeredAt = at;
        });
    }

    /** The work team sends the proposed answer back to the handling unit. */
    public Transition returnFeedback(String reason, String by, Instant at) {
        require(EnumSet.of(ComplaintStatus.FEEDBACK_REVIEW));
        return move("feedback.returned", reason, Map.of(), by, at, c -> c.status = ComplaintStatus.IN_HANDLING);
    }

    /**
     * 办结 by staff. Declining has its own action; "resolved" needs a published answer.
     */
    public Transition close(Closure why, String reason, String by, Instant at) {
        if (!status.isOpen() || why == null || why == Closure.DECLINED) {
            throw new BusinessRuleViolation("complaint.closeRefused");
        }
        if (why == Closure.RESOLVED && feedback == null) {
            throw new BusinessRuleViolation("complaint.resolvedNeedsFeedback");
        }
        return move("closed", why.name() + (reason == null ? "" : ": " + reason), Map.of("closure", why.name()), by, at,
                c -> {
                    c.status = ComplaintStatus.CLOSED;
                    c.closure = why;
                    c.closedAt = at;
                });
    }

    /**
     * The complainant rates the published answer: satisfied closes the complaint as
     * resolved, not satisfied reopens it for the work team.
     */
    public Transition rate(Satisfaction rating, String comment, String by, Instant at) {
        if (status != ComplaintStatus.ANSWERED) {
            throw new BusinessRuleViolation("complaint.notAnswered");
        }
        boolean satisfied = rating.isSatisfied();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        return move(satisfied ? "rated" : "reopened", null, Map.of("satisfaction", rating.name()), by, at, c -> {
            c.satisfaction = rating;
            c.satisfactionComment = text;
            c.ratedAt = at;
            if (satisfied) {
                c.status = ComplaintStatus.CLOSED;
                c.closure = Closure.RESOLVED;
                c.closedAt = at;
            }
            else {
                c.status = ComplaintStatus.REOPENED;
                c.reopenCount++;
            }
        });
    }

    /**
     * Points the complaint at a problem of the ledger, once; several complaints may point
     * at one problem. Allowed in every status: a closed complaint may still reveal a
     * problem.
     * @param problem registers or finds the problem; called only when the link is allowed
     */
    public Transition linkProblem(Supplier<ProblemRef> problem, String by, Instant at) {
        if (problemId != null) {
            throw new BusinessRuleViolation("complaint.alreadyLinked");
        }
        ProblemRef linked = problem.get();
        return move("problem.linked", linked.reference(), Map.of("problem", linked.id().toString()), by, at,
                c -> c.problemId = linked.id());
    }

    /** The complainant may add information while the complaint is open. */
    public void acceptInformation() {
        if (!status.isOpen()) {
            throw new BusinessRuleViolation("complaint.closedForInformation");
        }
    }

    private void require(Set<ComplaintStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new BusinessRuleViolation("complaint.illegalTransition", status.name());
        }
    }

    private Transition move(String action, String note, Map<String, String> audited, String by, Instant at,
            Consumer<Draft> edit) {
        Draft draft = new Draft(this);
        edit.accept(draft);
        Complaint after = draft.build();
        ComplaintTransitioned event = new ComplaintTransitioned(UUID.randomUUID(), id, action, status, after.status(),
                after.ownerUnitId(), after.handlingUnitId(), channel, by, at);
        return new Transition(action, this, after, note, new LinkedHashMap<>(audited), event);
    }

    /**
     * The fields an action may change, copied so that the record itself stays immutable.
     */
    private static final class Draft {

        private final Complaint from;

        UUID ownerUnitId;

        UUID handlingUnitId;

        ComplaintStatus status;

        LocalDate dueOn;

        String extensionReason;

        Instant acceptedAt;

        String declineReason;

        String result;

        String feedbackDraft;

        String feedback;

        Instant answeredAt;

        Instant closedAt;

        Closure closure;

        Satisfaction satisfaction;

        String satisfactionComment;

        Instant ratedAt;

        int reopenCount;

        UUID problemId;

        Draft(Complaint c) {
            from = c;
            ownerUnitId = c.ownerUnitId;
            handlingUnitId = c.handlingUnitId;
            status = c.status;
            dueOn = c.dueOn;
            extensionReason = c.extensionReason;
            acceptedAt = c.acceptedAt;
            declineReason = c.declineReason;
            result = c.result;
            feedbackDraft = c.feedbackDraft;
            feedback = c.feedback;
            answeredAt = c.answeredAt;
            closedAt = c.closedAt;
            closure = c.closure;
            satisfaction = c.satisfaction;
            satisfactionComment = c.satisfactionComment;
            ratedAt = c.ratedAt;
            reopenCount = c.reopenCount;
            problemId = c.problemId;
        }

        Complaint build() {
            return new Complaint(from.id, from.channel, from.type, from.content, from.occurredOn, from.location,
                    from.unitConcerned, from.anonymous, ownerUnitId, handlingUnitId, status, from.submittedAt,
                    from.acknowledgeDueOn, dueOn, extensionReason, acceptedAt, declineReason, result, feedbackDraft,
                    feedback, answeredAt, closedAt, closure, satisfaction, satisfactionComment, ratedAt, reopenCount,
                    problemId, from.version + 1, from.number);
        }

    }

}

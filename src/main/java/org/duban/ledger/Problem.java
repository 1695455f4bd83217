package org.duban.ledger;

import org.duban.shared.AggregateRoot;
import org.duban.shared.BusinessRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The problem aggregate: its life cycle is a small state machine. Each action checks the
 * current status and its own preconditions and returns the changes it makes (field → new
 * value); an illegal transition is refused with a {@link BusinessRuleViolation} and
 * changes nothing. Persistence is {@link ProblemLedger}'s business.
 */
@AggregateRoot
public record Problem(UUID id, String reference, UUID campaignId, ProblemSource source, String sourceRef,
        ProblemCategory category, String itemCode, UUID unitId, String officers, String description, LocalDate foundOn,
        boolean confidential, ProblemStatus status, UUID assignedUnitId, String assignedBy, LocalDate assignedOn,
        Integer limitDays, LocalDate dueOn, String finding, int reopenCount, long version, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt, String location) {

    /**
     * What the problem records about itself, named in the domain's words. Which of them
     * are columns of the problem, and what they are called there, is the repository's
     * business ({@link ProblemLedger}).
     */
    public enum Field {

        /** The unit the problem was handed to (交办单位). */
        ASSIGNED_UNIT,
        /** Who handed it over. */
        ASSIGNED_BY,
        /** The day it was handed over. */
        ASSIGNED_ON,
        /** The time limit in working days. */
        TIME_LIMIT,
        /** The last day of the time limit. */
        DUE_ON,
        /** The verification's finding (核查结论). */
        FINDING,
        /** The work team's opinion on the rectification (验收意见). */
        CHECK_OPINION,
        /** How often the problem was reopened. */
        REOPEN_COUNT,
        /** Why it was reopened this time. */
        REOPEN_REASON,
        /** 举一反三: the root cause ({@link RootCause}). */
        ROOT_CAUSE,
        /** The note on the root cause. */
        ROOT_CAUSE_NOTE

    }

    /** What an action changes: the new status and the new value of each field it sets. */
    public record Change(String action, ProblemStatus to, Map<Field, Object> values) {

        public Change {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public Object value(Field field) {
            return values.get(field);
        }
    }

    /**
     * Whether the problem is past its time limit on {@code today} while still open for
     * the assignee.
     */
    public boolean overdue(LocalDate today) {
        return dueOn != null && today.isAfter(dueOn) && (status == ProblemStatus.ASSIGNED
                || status == ProblemStatus.VERIFYING || status == ProblemStatus.RECTIFYING);
    }

    /** 交办: to a unit, with a time limit in working days ending on {@code dueOn}. */
    public Change assign(UUID toUnit, int workingDays, LocalDate dueOn, LocalDate today, String by) {
        require(ProblemStatus.REGISTERED, "assign");
        if (toUnit == null) {
            throw new BusinessRuleViolation("problem.assign.unitRequired");
        }
        if (workingDays < 1 || workingDays > 90) {
            throw new BusinessRuleViolation("problem.assign.limitRange");
        }
        Map<Field, Object> values = new LinkedHashMap<>();
        values.put(Field.ASSIGNED_UNIT, toUnit);
        values.put(Field.ASSIGNED_BY, by);
        values.put(Field.ASSIGNED_ON, today);
        values.put(Field.TIME_LIMIT, workingDays);
        values.put(Field.DUE_ON, dueOn);
        return new Change("assign", ProblemStatus.ASSIGNED, values);
    }

    /** 核查 begins. */
    public Change startVerification() {
        require(ProblemStatus.ASSIGNED, "verify");
        return new Change("verify", ProblemStatus.VERIFYING, Map.of());
    }

    /** The verification found the problem real; the finding gives the reasons. */
    public Change confirm(String reasons) {
        require(ProblemStatus.VERIFYING, "confirm");
        return new Change("confirm", ProblemStatus.CONFIRMED, Map.of(Field.FINDING, reasons(reasons)));
    }

    /** The verification found nothing (查无实据); the finding gives the reasons. */
    public Change dismiss(String reasons) {
        require(ProblemStatus.VERIFYING, "dismiss");
        return new Change("dismiss", ProblemStatus.UNFOUNDED, Map.of(Field.FINDING, reasons(reasons)));
    }

    /**
     * Rectification starts once a plan (responsible unit and person, deadline) exists.
     */
    public Change startRectification(boolean hasPlan) {
        require(ProblemStatus.CONFIRMED, "rectify");
        if (!hasPlan) {
            throw new BusinessRuleViolation("problem.rectify.planRequired");
        }
        return new Change("rectify", ProblemStatus.RECTIFYING, Map.of());
    }

    /**
     * The unit reports the rectification done; needs at least one measure and a
     * completion evidence file.
     */
    public Change reportRectified(int measures, int evidenceFiles) {
        require(ProblemStatus.RECTIFYING, "rectified");
        if (measures == 0) {
            throw new BusinessRuleViolation("problem.rectified.measuresRequired");
        }
        if (evidenceFiles == 0) {
            throw new BusinessRuleViolation("problem.rectified.evidenceRequired");
        }
        return new Change("rectified", ProblemStatus.RECTIFIED, Map.of());
    }

    /**
     * The work team checks the rectification: passed → verified, failed → back to
     * rectifying.
     */
    public Change checkRectification(boolean passed, String opinion) {
        require(ProblemStatus.RECTIFIED, "check");
        String text = reasons(opinion);
        return passed ? new Change("check.passed", ProblemStatus.VERIFIED, Map.of(Field.CHECK_OPINION, text))
                : new Change("check.failed", ProblemStatus.RECTIFYING, Map.of(Field.CHECK_OPINION, text));
    }

    /** 销号: refused without completion evidence and the work team's verification. */
    public Change signOff(int evidenceFiles, boolean verified) {
        if (status == ProblemStatus.RECTIFIED || status == ProblemStatus.RECTIFYING) {
            throw new BusinessRuleViolation("problem.signOff.notVerified");
        }
        require(ProblemStatus.VERIFIED, "signOff");
        if (evidenceFiles == 0) {
            throw new BusinessRuleViolation("problem.signOff.evidenceRequired");
        }
        if (!verified) {
            throw new BusinessRuleViolation("problem.signOff.notVerified");
        }
        return new Change("signOff", ProblemStatus.SIGNED_OFF, Map.of());
    }

    /**
     * Reopen a closed problem with a reason: an unfounded clue is verified again, a
     * signed-off one rectified again.
     */
    public Change reopen(String reason) {
        if (!status.closed()) {
            throw new BusinessRuleViolation("problem.transition.illegal", "reopen", status.name());
        }
        String text = reasons(reason);
        ProblemStatus to = status == ProblemStatus.UNFOUNDED ? ProblemStatus.VERIFYING : ProblemStatus.RECTIFYING;
        Map<Field, Object> values = new LinkedHashMap<>();
        values.put(Field.REOPEN_COUNT, reopenCount + 1);
        values.put(Field.REOPEN_REASON, text);
        return new Change("reopen", to, values);
    }

    /**
     * 举一反三: the root cause, once the problem is known to be real (confirmed and after);
     * the status stays. A clue still under verification, or found unfounded, has no cause
     * to analyse.
     */
    public Change rootCause(RootCause cause, String note) {
        if (status == ProblemStatus.REGISTERED || status == ProblemStatus.ASSIGNED || status == ProblemStatus.VERIFYING
                || status == ProblemStatus.UNFOUNDED) {
            throw new BusinessRuleViolation("problem.rootCause.notConfirmed");
        }
        if (cause == null) {
            throw new BusinessRuleViolation("problem.rootCause.required");
        }
        if (cause == RootCause.OTHER && (note == null || note.isBlank())) {
            throw new BusinessRuleViolation("problem.rootCause.noteRequired");
        }
        if (note != null && note.length() > 4000) {
            throw new BusinessRuleViolation("problem.reasonTooLong");
        }
        Map<Field, Object> values = new LinkedHashMap<>();
        values.put(Field.ROOT_CAUSE, cause);
        values.put(Field.ROOT_CAUSE_NOTE, note == null || note.isBlank() ? null : note.strip());
        return new Change("rootCause", status, values);
    }

    private void require(ProblemStatus expected, String action) {
        if (status != expected) {
            throw new BusinessRuleViolation("problem.transition.illegal", action, status.name());
        }
    }

    private static String reasons(String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("problem.reasonRequired");
        }
        if (text.length() > 4000) {
            throw new BusinessRuleViolation("problem.reasonTooLong");
        }
        return text.trim();
    }
}

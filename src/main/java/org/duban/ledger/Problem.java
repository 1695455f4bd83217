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

    /** What an action changes: the new status and the columns it sets. */
    public record Change(String action, ProblemStatus to, Map<String, Object> values) {
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
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("assigned_unit_id", toUnit);
        values.put("assigned_by", by);
        values.put("assigned_on", today);
        values.put("limit_days", workingDays);
        values.put("due_on", dueOn);
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
        return new Change("confirm", ProblemStatus.CONFIRMED, Map.of("finding", reasons(reasons)));
    }

    /** The verification found nothing (查无实据); the finding gives the reasons. */
    public Change dismiss(String reasons) {
        require(ProblemStatus.VERIFYING, "dismiss");
        return new Change("dismiss", ProblemStatus.UNFOUNDED, Map.of("finding", reasons(reasons)));
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
        return passed ? new Change("check.passed", ProblemStatus.VERIFIED, Map.of("verification_opinion", text))
                : new Change("check.failed", ProblemStatus.RECTIFYING, Map.of("verification_opinion", text));
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
        return new Change("reopen", to, Map.of("reopen_count", reopenCount + 1, "reopen_reason", text));
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
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("root_cause", cause.name());
        values.put("root_cause_note", note == null || note.isBlank() ? null : note.strip());
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

package org.duban.todo;

import org.duban.campaign.KeyTaskAwaitingAcceptance;
import org.duban.campaign.KeyTaskHandedOver;
import org.duban.complaint.ComplaintStatus;
import org.duban.complaint.ComplaintTransitioned;
import org.duban.handdown.HandDownTransitioned;
import org.duban.ledger.ProblemStatus;
import org.duban.inspection.DrawTransitioned;
import org.duban.ledger.AccountabilityDecided;
import org.duban.ledger.AccountabilityProposed;
import org.duban.ledger.ProblemTransitioned;
import org.duban.reporting.ReportTransitioned;
import org.duban.todo.Recipients.Desk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hand-over rules: for each event, whose desk the item lands on. A unit's own work
 * (rectify, answer, report progress) lands on the unit's own staff who may do it;
 * supervision (assign, verify, check, sign off, dispatch, review, approve, receive) on
 * those holding that permission over the item's unit. Events that leave the item on the
 * desk of whoever acted (a complaint accepted, verification started) notify nobody.
 */
@Component
class HandOvers {

    static final String PROBLEM_READ = "ledger:problem:read";
    static final String RECTIFY = "ledger:problem:rectify";
    static final String ASSIGN = "ledger:problem:assign";
    static final String VERIFY = "ledger:problem:verify";
    static final String CHECK = "ledger:problem:check";
    static final String CLOSE = "ledger:problem:close";
    static final String DISPATCH = "complaint:complaint:dispatch";
    static final String HANDLE = "complaint:complaint:handle";
    static final String APPROVE = "reporting:report:approve";
    static final String REPORT_WRITE = "reporting:report:write";
    static final String RECEIVE = "reporting:report:receive";
    static final String PROGRESS = "keytask:task:progress";
    static final String TASK_WRITE = "keytask:task:write";
    static final String ACCEPT = "keytask:task:accept";
    static final String DECIDE = "ledger:accountability:decide";
    static final String ACCOUNTABILITY_WRITE = "ledger:accountability:write";
    static final String DRAW_WRITE = "inspection:draw:write";
    static final String HAND_DOWN_REPORT = "handdown:item:report";
    static final String HAND_DOWN_DECIDE = "handdown:item:decide";

    /**
     * One notice: its text (message key and arguments), where it links, and who gets it.
     */
    /**
     * 验收: a task at 100 % waits on the leading group (a named acceptor sees it in the
     * to-do list).
     */
    Optional<Notice> of(KeyTaskAwaitingAcceptance e) {
        return Optional.of(new Notice(e.eventId(), "KEY_TASK", "todo.notice.task.awaitingAcceptance",
                List.of(e.title()), "/tasks/" + e.taskId(), List.of(Desk.of(ACCEPT, e.ownerUnitId())), false, null,
                null, "keytask:task:read", null, false));
    }

    /**
     * A work-team proposal of accountability or fault tolerance waits on the leading
     * group's decision.
     */
    Optional<Notice> of(AccountabilityProposed e) {
        return Optional.of(new Notice(e.eventId(), "ACCOUNTABILITY", "todo.notice.accountability.proposed", List.of(),
                "/accountability/" + e.caseId(), List.of(Desk.of(DECIDE, e.unitId())), true, null, null,
                "ledger:accountability:read", null, false));
    }

    /**
     * The leading group decided: the case goes back to the work team, which carries the
     * decision out (informs the person, records the follow-up).
     */
    Optional<Notice> of(AccountabilityDecided e) {
        return Optional.of(new Notice(e.eventId(), "ACCOUNTABILITY", "todo.notice.accountability.decided", List.of(),
                "/accountability/" + e.caseId(), List.of(Desk.of(ACCOUNTABILITY_WRITE, e.unitId())), true, null, null,
                "ledger:accountability:read", e.actor(), false));
    }

    /**
     * A random draw frozen is to be drawn, a draw made is to be published (公示): both wait
     * on whoever makes the unit's draws. Publishing ends it.
     */
    Optional<Notice> of(DrawTransitioned e) {
        if (!e.action().equals("frozen") && !e.action().equals("drawn")) {
            return Optional.empty();
        }
        return Optional.of(new Notice(e.eventId(), "DRAW", "todo.notice.draw." + e.action(), List.of(e.title()),
                "/draws/" + e.drawId(), List.of(Desk.of(DRAW_WRITE, e.ownerUnitId())), false, null, null,
                "inspection:draw:read", e.actor(), false));
    }

    record Notice(UUID eventId, String kind, String messageKey, List<Object> args, String link, List<Desk> desks,
            boolean confidential, String person, UUID personUnit, String readPermission, String actor, boolean urgent) {
    }

    private final JdbcClient jdbc;

    HandOvers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Notice> of(ProblemTransitioned e) {
        UUID desk = e.responsibleUnitId() != null ? e.responsibleUnitId()
                : e.assignedUnitId() != null ? e.assignedUnitId() : e.unitId();
        List<Desk> desks = new ArrayList<>();
        String person = null;
        switch (e.action()) {
            case "assign" -> {
                desks.add(Desk.own(RECTIFY, e.assignedUnitId()));
                desks.add(Desk.of(VERIFY, e.assignedUnitId()));
            }
            case "confirm" -> {
                desks.add(Desk.of(ASSIGN, desk));
                desks.add(Desk.own(RECTIFY, desk));
            }
            case "dismiss", "signOff" -> desks.add(Desk.own(RECTIFY, desk));
            case "rectify", "check.failed" -> {
                desks.add(Desk.own(RECTIFY, desk));
                person = responsiblePerson(e.problemId());
            }
            case "rectified" -> desks.add(Desk.of(CHECK, desk));
            case "check.passed" -> desks.add(Desk.of(CLOSE, desk));
            case "reopen" -> {
                if (e.to() == ProblemStatus.VERIFYING) {
                    desks.add(Desk.of(VERIFY, desk));
                }
                else {
                    desks.add(Desk.own(RECTIFY, desk));
                    person = responsiblePerson(e.problemId());
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Notice(e.eventId(), "PROBLEM", "todo.notice.problem." + e.action(),
                List.of(e.reference()), "/problems/" + e.problemId(), desks, e.confidential(), person, desk,
                PROBLEM_READ, e.actor(), false));
    }

    Optional<Notice> of(ComplaintTransitioned e) {
        List<Desk> desks = new ArrayList<>();
        switch (e.action()) {
            case "submitted", "transferred" -> desks.add(Desk.of(DISPATCH, e.ownerUnitId()));
            case "assigned", "feedback.returned" -> desks.add(Desk.own(HANDLE, e.handlingUnitId()));
            case "answered" -> desks.add(Desk.of(DISPATCH, e.ownerUnitId()));
            case "feedback.published" -> desks.add(Desk.own(HANDLE, e.handlingUnitId()));
            case "reopened" -> {
                desks.add(Desk.of(DISPATCH, e.ownerUnitId()));
                desks.add(Desk.own(HANDLE, e.handlingUnitId()));
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Notice(e.eventId(), "COMPLAINT", "todo.notice.complaint." + e.action(), List.of(),
                "/complaints/" + e.complaintId(), desks, false, null, null, null, e.actor(),
                e.to() == ComplaintStatus.REOPENED));
    }

    Optional<Notice> of(ReportTransitioned e) {
        Desk desk = switch (e.action()) {
            case "drafted" -> Desk.of(APPROVE, e.unitId());
            case "approved", "received", "returned" -> Desk.of(REPORT_WRITE, e.unitId());
            case "submitted" -> Desk.own(RECEIVE, e.superiorUnitId());
            default -> null;
        };
        if (desk == null) {
            return Optional.empty();
        }
        String link = e.action().equals("submitted") ? "/reports/inbox" : "/reports/" + e.reportId();
        return Optional.of(new Notice(e.eventId(), "REPORT", "todo.notice.report." + e.action(), List.of(e.title()),
                link, List.of(desk), false, null, null, null, e.actor(), false));
    }

    Optional<Notice> of(KeyTaskHandedOver e) {
        Desk desk = switch (e.action()) {
            case "assigned" -> Desk.own(PROGRESS, e.ownerUnitId());
            case "progress" -> Desk.of(TASK_WRITE, e.ownerUnitId());
            default -> null;
        };
        if (desk == null) {
            return Optional.empty();
        }
        return Optional.of(new Notice(e.eventId(), "KEY_TASK", "todo.notice.task." + e.action(),
                List.of(e.title(), e.percent()), "/tasks/" + e.taskId(), List.of(desk), false,
                e.action().equals("assigned") ? e.ownerPerson() : null, e.ownerUnitId(), "keytask:task:read", e.actor(),
                false));
    }

    /**
     * 上级交办: issued or returned, the item lands on the bureau below (its work team and
     * leading group); reported back, on the issuing bureau's deciders; accepted, the
     * bureau below learns that it is done.
     */
    Optional<Notice> of(HandDownTransitioned e) {
        Desk desk = switch (e.action()) {
            case "ISSUE", "RETURN", "ACCEPT" -> Desk.of(HAND_DOWN_REPORT, e.toUnitId());
            case "REPORT" -> Desk.of(HAND_DOWN_DECIDE, e.fromUnitId());
            default -> null;
        };
        if (desk == null) {
            return Optional.empty();
        }
        return Optional.of(new Notice(e.eventId(), "HAND_DOWN", "todo.notice.handdown." + e.action(),
                List.of(e.title()), "/handdowns/" + e.handDownId(), List.of(desk), false, null, null, null, e.actor(),
                e.action().equals("RETURN")));
    }

    private String responsiblePerson(UUID problemId) {
        return jdbc.sql("select responsible_person from rectification where problem_id = :id")
            .param("id", problemId)
            .query(String.class)
            .optional()
            .orElse(null);
    }

}

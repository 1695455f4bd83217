package org.duban.complaint;

import org.duban.shared.PageOf;
import org.duban.audit.AuditEvent;
import org.duban.campaign.PublicBureau;
import org.duban.campaign.PublicNotices;
import org.duban.ledger.NewProblem;
import org.duban.ledger.ProblemCategory;
import org.duban.ledger.ProblemRef;
import org.duban.ledger.ProblemSource;
import org.duban.ledger.Problems;
import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The complaint pipeline. Public actions are keyed by the receipt; staff actions take the
 * caller's data scope: a complaint is visible to the bureau that received it and to the
 * unit handling it. Every change is audited (without identity or receipt) and
 * version-checked.
 */
@Service
public class Complaints {

    private static final String SCOPED = " (owner_unit_id = any(:units) or handling_unit_id = any(:units)) ";

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final Secrets secrets;

    private final ComplaintSettings settings;

    private final WorkingDays workingDays;

    private final OrgUnits units;

    private final PublicNotices publicNotices;

    private final Problems problems;

    private final ComplainantSms sms;

    private volatile IntakeUnit intakeUnit;

    private record IntakeUnit(UUID id, Instant loadedAt) {
    }

    Complaints(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Secrets secrets,
            ComplaintSettings settings, WorkingDays workingDays, OrgUnits units, PublicNotices publicNotices,
            Problems problems, ComplainantSms sms) {
        this.sms = sms;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.secrets = secrets;
        this.settings = settings;
        this.workingDays = workingDays;
        this.units = units;
        this.publicNotices = publicNotices;
        this.problems = problems;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- intake
    // -----------------------------------------------------------------------------------------------

    /**
     * Registers a complaint and returns its receipt. With an idempotency key, a repeated
     * call (sequential or concurrent) returns the first call's answer and creates
     * nothing; the same key with a different complaint is refused. The commit is the
     * acknowledgement: nothing is answered before the row is durable.
     */
    @Transactional
    public Submitted submit(NewComplaint input, Channel channel, String idempotencyKey, List<Upload> uploads,
            UUID ownerUnitId) {
        NewComplaint complaint = input.normalised();
        String keyHash = null;
        if (idempotencyKey != null) {
            keyHash = Secrets.sha256(channel.name() + "\u0000" + idempotencyKey);
            // Concurrent retries of one key queue here; the first commits, the others
            // then find its row.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 20))").param("k", keyHash).query().singleRow();
            Optional<Map<String, Object>> earlier = jdbc.sql("""
                    select i.request_hash, c.id, c.submitted_at, c.acknowledge_due_on, c.due_on
                    from complaint_idempotency i join complaint c on c.id = i.complaint_id where i.key_hash = :k
                    """).param("k", keyHash).query().listOfRows().stream().findFirst();
            if (earlier.isPresent()) {
                Map<String, Object> row = earlier.get();
                if (!row.get("request_hash").equals(Secrets.sha256(complaint.fingerprint()))) {
                    throw new BusinessRuleViolation("complaint.idempotencyKeyReused");
                }
                return new Submitted((UUID) row.get("id"), Secrets.format(secrets.receiptFor(keyHash)),
                        ((Timestamp) row.get("submitted_at")).toInstant(),
                        ((Date) row.get("acknowledge_due_on")).toLocalDate(), ((Date) row.get("due_on")).toLocalDate());
            }
        }
        List<Upload> files = checkUploads(uploads);
        UUID id = UUID.randomUUID();
        String receipt = keyHash == null ? secrets.newReceipt() : secrets.receiptFor(keyHash);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        LocalDate ackDue = acknowledgeDue(today);
        LocalDate due = answerDue(today, complaint.type());
        UUID owner = ownerUnitId != null ? ownerUnitId : intakeUnitFor(null);
        int serial = jdbc.sql("""
                insert into complaint_number_counter (owner_unit_id, year, last) values (:owner, :year, 1)
                on conflict (owner_unit_id, year) do update set last = complaint_number_counter.last + 1
                returning last
                """).param("owner", owner).param("year", today.getYear()).query(Integer.class).single();
        jdbc.sql("""
                insert into complaint (id, receipt_hash, channel, type, content, occurred_on, location, unit_concerned,
                                       anonymous, reporter_name_enc, reporter_phone_enc, owner_unit_id, status,
                                       submitted_at, acknowledge_due_on, due_on, updated_by, updated_at, number)
                values (:id, :receipt, :channel, :type, :content, :occurred, :location, :unit, :anonymous, :name,
                        :phone, :owner, :status, :at, :ackDue, :due, :by, :at, :number)
                """)
            .param("number", "TS-%d-%05d".formatted(today.getYear(), serial))
            .param("id", id)
            .param("receipt", Secrets.sha256(receipt))
            .param("channel", channel.name())
            .param("type", complaint.type().name())
            .param("content", complaint.content())
            .param("occurred", complaint.occurredOn() == null ? null : Date.valueOf(complaint.occurredOn()))
            .param("location", complaint.location())
            .param("unit", complaint.unitConcerned())
            .param("anonymous", complaint.anonymous())
            .param("name", secrets.encrypt(complaint.name(), id.toString()))
            .param("phone", secrets.encrypt(complaint.phone(), id.toString()))
            .param("owner", owner)
            .param("status", ComplaintStatus.SUBMITTED.name())
            .param("at", Timestamp.from(now))
            .param("ackDue", Date.valueOf(ackDue))
            .param("due", Date.valueOf(due))
            .param("by", CurrentUser.actor())
            .update();
        if (keyHash != null) {
            jdbc.sql("""
                    insert into complaint_idempotency (key_hash, request_hash, complaint_id, created_at)
                    values (:k, :r, :id, :at)
                    """)
                .param("k", keyHash)
                .param("r", Secrets.sha256(complaint.fingerprint()))
                .param("id", id)
                .param("at", Timestamp.from(now))
                .update();
        }
        for (Upload file : files) {
            jdbc.sql(
                    """
                            insert into complaint_attachment (id, complaint_id, file_name, media_type, size_bytes, content, added_at)
                            values (:id, :complaint, :name, :type, :size, :content, :at)
                            """)
                .param("id", UUID.randomUUID())
                .param("complaint", id)
                .param("name", safeName(file.fileName()))
                .param("type", file.sniffedType())
                .param("size", file.content().length)
                .param("content", file.content())
                .param("at", Timestamp.from(now))
                .update();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("channel", channel.name());
        values.put("type", complaint.type().name());
        values.put("anonymous", complaint.anonymous());
        values.put("attachments", files.size());
        values.put("dueOn", due.toString());
        events.publishEvent(AuditEvent.change("complaint.submitted", "complaint", id, Map.of(), values));
        events.publishEvent(Complaint.received(id, owner, channel, CurrentUser.actor(), now));
        sms.received(id, complaint, Secrets.format(receipt));
        return new Submitted(id, Secrets.format(receipt), now, ackDue, due);
    }

    /**
     * The day by which a complaint submitted on {@code submittedOn} must be acknowledged
     * (accepted or declined).
     */
    LocalDate acknowledgeDue(LocalDate submittedOn) {
        return workingDays.add(submittedOn, settings.timeLimits().acknowledgeDays());
    }

    /**
     * The day by which a complaint of {@code type} submitted on {@code submittedOn} must
     * be answered.
     */
    LocalDate answerDue(LocalDate submittedOn, ComplaintType type) {
        return workingDays.add(submittedOn, settings.timeLimits().answerDays(type));
    }

    private List<Upload> checkUploads(List<Upload> uploads) {
        List<Upload> files = uploads == null ? List.of()
                : uploads.stream().filter(u -> u.content() != null && u.content().length > 0).toList();
        if (files.size() > settings.maxAttachments()) {
            throw new BusinessRuleViolation("complaint.attachment.tooMany", settings.maxAttachments());
        }
        for (Upload file : files) {
            if (file.content().length > settings.maxAttachmentBytes()) {
                throw new BusinessRuleViolation("complaint.attachment.tooLarge",
                        settings.maxAttachmentBytes() / 1024 / 1024);
            }
            if (file.sniffedType() == null) {
                throw new BusinessRuleViolation("complaint.attachment.type");
            }
        }
        return files;
    }

    private static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return base.isBlank() ? "attachment" : base.substring(0, Math.min(base.length(), 200));
    }

    /**
     * The unit that receives a public or API complaint addressed to {@code bureauCode}:
     * the intake unit of that bureau's public notice (else the bureau itself). Without a
     * code, the only public bureau — or, in a single-bureau installation, the unit named
     * by {@code duban.complaint.intake-unit-code}. With several bureaus the code is
     * required; an unknown code is refused, never guessed.
     */
    @Transactional(readOnly = true)
    public UUID intakeUnitFor(String bureauCode) {
        if (bureauCode != null && !bureauCode.isBlank()) {
            return publicNotices.bureau(bureauCode)
                .map(PublicBureau::intakeUnitId)
                .orElseThrow(() -> new BusinessRuleViolation("complaint.bureau.unknown", bureauCode.strip()));
        }
        List<PublicBureau> bureaus = publicNotices.bureaus();
        if (bureaus.size() > 1) {
            throw new BusinessRuleViolation("complaint.bureau.required");
        }
        return configuredIntakeUnit().or(() -> bureaus.stream().findFirst().map(PublicBureau::intakeUnitId))
            .or(() -> units.all().stream().filter(u -> u.parentId() != null).map(OrgUnit::id).findFirst())
            .orElseThrow(() -> new IllegalStateException("no unit to receive complaints"));
    }

    private Optional<UUID> configuredIntakeUnit() {
        IntakeUnit cached = intakeUnit;
        if (cached != null && cached.loadedAt().isAfter(clock.instant().minusSeconds(300))) {
            return Optional.ofNullable(cached.id());
        }
        UUID id = settings.intakeUnitCode() == null || settings.intakeUnitCode().isBlank() ? null
                : units.findByCode(settings.intakeUnitCode().strip())
                    .map(OrgUnit::id)
                    .orElseThrow(() -> new IllegalStateException("duban.complaint.intake-unit-code names no unit"));
        intakeUnit = new IntakeUnit(id, clock.instant());
        return Optional.ofNullable(id);
    }

    /** The bureaus the public can address (those running an active campaign). */
    public List<PublicBureau> publicBureaus() {
        return publicNotices.bureaus();
    }

    public Optional<PublicBureau> publicBureau(String code) {
        return publicNotices.bureau(code);
    }

    // ---- the receipt holder
    // -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<PublicStatus> lookup(String typedReceipt) {
        return byReceipt(typedReceipt).map(this::publicStatus);
    }

    @Transactional
    public void addInformation(String typedReceipt, String text) {
        Complaint c = byReceipt(typedReceipt).orElseThrow(() -> new NotFoundException("receipt"));
        c.acceptInformation();
        entry(c.id(), "PUBLIC_INFO", "information.added", text, "public");
        events.publishEvent(AuditEvent.change("complaint.information.added", "complaint", c.id(), Map.of(),
                Map.of("length", text.length())));
    }

    @Transactional
    public void rate(String typedReceipt, Satisfaction satisfaction, String comment) {
        Complaint c = byReceipt(typedReceipt).orElseThrow(() -> new NotFoundException("receipt"));
        save(c.rate(satisfaction, comment, "public", now()));
    }

    private Optional<Complaint> byReceipt(String typedReceipt) {
        String digits = Secrets.normalise(typedReceipt);
        if (digits == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from complaint where receipt_hash = :h")
            .param("h", Secrets.sha256(digits))
            .query(Complaints::map)
            .optional();
    }

    private PublicStatus publicStatus(Complaint c) {
        String unit = Optional.ofNullable(c.handlingUnitId())
            .or(() -> Optional.of(c.ownerUnitId()))
            .flatMap(units::find)
            .map(OrgUnit::name)
            .orElse(null);
        List<PublicStatus.PublicEntry> added = jdbc.sql("""
                select created_at, text from complaint_entry where complaint_id = :id and kind = 'PUBLIC_INFO'
                order by created_at
                """)
            .param("id", c.id())
            .query((rs, n) -> new PublicStatus.PublicEntry(rs.getTimestamp(1).toInstant(), rs.getString(2)))
            .list();
        String feedback = c.status() == ComplaintStatus.DECLINED ? c.declineReason() : c.feedback();
        List<PublicStatus.Step> steps = new java.util.ArrayList<>();
        steps.add(new PublicStatus.Step(c.submittedAt(), PublicStatus.StepKind.RECEIVED));
        jdbc.sql("""
                select created_at, action from complaint_entry where complaint_id = :id and kind = 'TRANSITION'
                order by created_at
                """).param("id", c.id()).query((rs, n) -> {
            Instant at = rs.getTimestamp(1).toInstant();
            return PublicStatus.StepKind.of(rs.getString(2)).map(kind -> new PublicStatus.Step(at, kind));
        }).list().forEach(step -> step.ifPresent(steps::add));
        return new PublicStatus(c.type(), c.status(), c.submittedAt(), unit, c.dueOn(), feedback, c.satisfaction(),
                added, steps);
    }

    // ---- staff
    // ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Complaint> inbox(DataScope scope, ComplaintStatus status) {
        return inbox(scope, status, null, 1, 500).items();
    }

    /**
     * One page of the inbox, newest first, with the number of all matching complaints.
     * The keyword matches the reference staff see (the id's first characters), the
     * content, the place and the unit complained about.
     */
    @Transactional(readOnly = true)
    public PageOf<Complaint> inbox(DataScope scope, ComplaintStatus status, String keyword, int page, int size) {
        String filter = " from complaint where" + SCOPED + " and (cast(:status as varchar) is null or status = :status)"
                + " and (cast(:keyword as varchar) is null or number ilike '%' || :keyword || '%'"
                + " or upper(cast(id as varchar)) like upper(:keyword) || '%'"
                + " or content ilike '%' || :keyword || '%' or location ilike '%' || :keyword || '%'"
                + " or unit_concerned ilike '%' || :keyword || '%')";
        String word = keyword == null || keyword.isBlank() ? null
                : keyword.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        long total = jdbc.sql("select count(*)" + filter)
            .param("units", scope.unitArray())
            .param("status", status == null ? null : status.name())
            .param("keyword", word)
            .query(Long.class)
            .single();
        List<Complaint> items = jdbc
            .sql("select *" + filter + " order by submitted_at desc, id limit :size offset :offset")
            .param("units", scope.unitArray())
            .param("status", status == null ? null : status.name())
            .param("keyword", word)
            .param("size", size)
            .param("offset", PageOf.offset(page, size))
            .query(Complaints::map)
            .list();
        return new PageOf<>(items, total, page, size);
    }

    @Transactional(readOnly = true)
    public Complaint get(UUID id, DataScope scope) {
        return jdbc.sql("select * from complaint where id = :id and" + SCOPED)
            .param("id", id)
            .param("units", scope.unitArray())
            .query(Complaints::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("complaint " + id));
    }

    /**
     * Dispatching (accept, decline, transfer, assign, extend, review, close) belongs to
     * the receiving bureau.
     */
    private Complaint getForDispatch(UUID id, long version, DataScope scope) {
        Complaint c = get(id, scope);
        if (!scope.includes(c.ownerUnitId())) {
            throw new NotFoundException("complaint " + id);
        }
        if (c.version() != version) {
            throw stale(id);
        }
        return c;
    }

    @Transactional(readOnly = true)
    public List<ComplaintEntry> entries(UUID id, DataScope scope) {
        get(id, scope);
        return jdbc.sql("select * from complaint_entry where complaint_id = :id order by created_at")
            .param("id", id)
            .query((rs, n) -> new ComplaintEntry(rs.getString("kind"), rs.getString("action"), rs.getString("text"),
                    rs.getString("author"), rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> attachments(UUID id, DataScope scope) {
        get(id, scope);
        return jdbc.sql("""
                select id, file_name, media_type, size_bytes from complaint_attachment
                where complaint_id = :id order by added_at, file_name
                """)
            .param("id", id)
            .query((rs, n) -> new AttachmentInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getInt(4)))
            .list();
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentContent> attachment(UUID id, UUID attachmentId, DataScope scope) {
        get(id, scope);
        return jdbc
            .sql("select file_name, media_type, content from complaint_attachment where id = :a and complaint_id = :id")
            .param("a", attachmentId)
            .param("id", id)
            .query((rs, n) -> new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
            .optional();
    }

    @Transactional
    public void accept(UUID id, long version, DataScope scope) {
        save(getForDispatch(id, version, scope).accept(CurrentUser.actor(), now()));
    }

    @Transactional
    public void decline(UUID id, long version, String reason, DataScope scope) {
        save(getForDispatch(id, version, scope).decline(reason, CurrentUser.actor(), now()));
    }

    /** 转办: hand the complaint to another bureau or unit, which accepts it afresh. */
    @Transactional
    public void transfer(UUID id, long version, UUID toUnit, String reason, DataScope scope) {
        Complaint c = getForDispatch(id, version, scope);
        save(c.transfer(units.find(toUnit).orElse(null), reason, CurrentUser.actor(), now()));
    }

    /** 交办: a unit of the bureau handles it within the time limit. */
    @Transactional
    public void assign(UUID id, long version, UUID unitId, DataScope scope) {
        Complaint c = getForDispatch(id, version, scope);
        save(c.assign(units.find(unitId).orElse(null), scope, CurrentUser.actor(), now()));
    }

    @Transactional
    public void extend(UUID id, long version, int workingDaysMore, String reason, DataScope scope) {
        Complaint c = getForDispatch(id, version, scope);
        save(c.extend(workingDaysMore, reason, workingDays::add, CurrentUser.actor(), now()));
    }

    @Transactional
    public void addNote(UUID id, String text, DataScope scope) {
        Complaint c = get(id, scope);
        entry(c.id(), "NOTE", "note", text, CurrentUser.actor());
        events.publishEvent(
                AuditEvent.change("complaint.note.added", "complaint", id, Map.of(), Map.of("length", text.length())));
    }

    /** The handling unit records its result and proposes the text the public will see. */
    @Transactional
    public void answer(UUID id, long version, String result, String feedbackDraft, DataScope scope) {
        Complaint c = get(id, scope);
        if (c.version() != version) {
            throw stale(id);
        }
        save(c.answer(result, feedbackDraft, CurrentUser.actor(), now()));
    }

    /** The work team publishes the reviewed feedback, or sends it back to the unit. */
    @Transactional
    public void reviewFeedback(UUID id, long version, boolean approve, String feedback, DataScope scope) {
        Complaint c = getForDispatch(id, version, scope);
        save(approve ? c.publishFeedback(feedback, CurrentUser.actor(), now())
                : c.returnFeedback(feedback, CurrentUser.actor(), now()));
    }

    @Transactional
    public void close(UUID id, long version, Closure closure, String reason, DataScope scope) {
        save(getForDispatch(id, version, scope).close(closure, reason, CurrentUser.actor(), now()));
    }

    /**
     * Reads the reporter's identity for one who may see it; the reveal and its reason are
     * recorded first.
     */
    @Transactional
    public Identity reveal(UUID id, String reason, DataScope scope) {
        Complaint c = get(id, scope);
        jdbc.sql("""
                insert into complaint_identity_reveal (id, complaint_id, staff_id, reason, revealed_at)
                values (:id, :complaint, :staff, :reason, :at)
                """)
            .param("id", UUID.randomUUID())
            .param("complaint", id)
            .param("staff", CurrentUser.require().staffId())
            .param("reason", reason)
            .param("at", Timestamp.from(now()))
            .update();
        events.publishEvent(
                AuditEvent.change("complaint.identity.revealed", "complaint", id, Map.of(), Map.of("reason", reason)));
        if (c.anonymous()) {
            return new Identity(true, null, null);
        }
        return jdbc.sql("select reporter_name_enc, reporter_phone_enc from complaint where id = :id")
            .param("id", id)
            .query((rs, n) -> new Identity(false, secrets.decrypt(rs.getBytes(1), id.toString()),
                    secrets.decrypt(rs.getBytes(2), id.toString())))
            .single();
    }

    /**
     * Links the complaint to the problem whose number (DB-2026-00029, as users see it) is
     * typed, or registers a new problem when nothing is typed. An internal id is still
     * understood, for links made before numbers were asked.
     */
    @Transactional
    public String turnIntoProblemNumbered(UUID id, long version, ProblemCategory category, String existingNumber,
            DataScope scope) {
        UUID existing = null;
        if (existingNumber != null && !existingNumber.isBlank()) {
            existing = problems.findByReference(existingNumber, scope.unitArray())
                .or(() -> asId(existingNumber).flatMap(problems::find))
                .map(ProblemRef::id)
                .orElseThrow(() -> new BusinessRuleViolation("complaint.problem.unknown"));
        }
        return turnIntoProblem(id, version, category, existing, scope);
    }

    private static Optional<UUID> asId(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * Turns a complaint into a problem of the ledger (source COMPLAINT, the complaint's
     * id as source reference), or, with {@code existingProblem}, points it at a problem
     * already registered: several complaints may point to one problem. The problem's id
     * is kept on the complaint, so the link goes both ways.
     * @param category the problem category; needed only when the complaint's type is
     * OTHER
     * @return the problem's reference number
     */
    @Transactional
    public String turnIntoProblem(UUID id, long version, ProblemCategory category, UUID existingProblem,
            DataScope scope) {
        Complaint c = getForDispatch(id, version, scope);
        // Synchronous on purpose: the user sees the problem's number right after the
        // click (ADR 0701).
        Complaint.Transition linked = c.linkProblem(() -> {
            if (existingProblem != null) {
                return problems.find(existingProblem)
                    .filter(p -> scope.includes(p.unitId()))
                    .orElseThrow(() -> new BusinessRuleViolation("complaint.problem.unknown"));
            }
            ProblemCategory chosen = category != null ? category
                    : c.type() == ComplaintType.OTHER ? null : ProblemCategory.valueOf(c.type().name());
            if (chosen == null) {
                throw new BusinessRuleViolation("complaint.problem.categoryRequired");
            }
            UUID unit = c.handlingUnitId() != null ? c.handlingUnitId() : c.ownerUnitId();
            UUID problemId = problems.register(new NewProblem(null, ProblemSource.COMPLAINT, c.id().toString(), chosen,
                    null, unit, c.unitConcerned(), c.content(), LocalDate.ofInstant(c.submittedAt(), clock.getZone()),
                    chosen == ProblemCategory.RENT_SEEKING));
            return problems.find(problemId).orElseThrow();
        }, CurrentUser.actor(), now());
        save(linked);
        return linked.note();
    }

    /** The reference number and status of the problem a complaint points to. */
    @Transactional(readOnly = true)
    public Optional<ProblemRef> problemOf(Complaint complaint) {
        return complaint.problemId() == null ? Optional.empty() : problems.find(complaint.problemId());
    }

    // ---- helpers
    // ----------------------------------------------------------------------------------------------

    /**
     * Writes what an action changed, version-checked, with its history line, its audit
     * event and the event the aggregate raised. The status is bound, never spelled in
     * SQL: the aggregate decides it.
     */
    private void save(Complaint.Transition t) {
        Complaint c = t.after();
        String by = t.event().actor();
        Instant at = t.event().at();
        int updated = jdbc.sql("""
                update complaint
                set status = :status, owner_unit_id = :owner, handling_unit_id = :handling, due_on = :due,
                    extension_reason = :extensionReason, accepted_at = :acceptedAt, decline_reason = :declineReason,
                    result = :result, feedback_draft = :feedbackDraft, feedback = :feedback, answered_at = :answeredAt,
                    closed_at = :closedAt, closure = :closure, satisfaction = :satisfaction,
                    satisfaction_comment = :satisfactionComment, rated_at = :ratedAt, reopen_count = :reopenCount,
                    problem_id = :problem, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", c.status().name())
            .param("owner", c.ownerUnitId())
            .param("handling", c.handlingUnitId())
            .param("due", date(c.dueOn()))
            .param("extensionReason", c.extensionReason())
            .param("acceptedAt", timestamp(c.acceptedAt()))
            .param("declineReason", c.declineReason())
            .param("result", c.result())
            .param("feedbackDraft", c.feedbackDraft())
            .param("feedback", c.feedback())
            .param("answeredAt", timestamp(c.answeredAt()))
            .param("closedAt", timestamp(c.closedAt()))
            .param("closure", c.closure() == null ? null : c.closure().name())
            .param("satisfaction", c.satisfaction() == null ? null : c.satisfaction().name())
            .param("satisfactionComment", c.satisfactionComment())
            .param("ratedAt", timestamp(c.ratedAt()))
            .param("reopenCount", c.reopenCount())
            .param("problem", c.problemId())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("id", c.id())
            .param("version", t.before().version())
            .update();
        if (updated == 0) {
            throw stale(c.id());
        }
        entry(c.id(), "TRANSITION", t.action(), t.note(), by);
        events.publishEvent(AuditEvent.change("complaint." + t.action(), "complaint", c.id(),
                Map.of("status", t.before().status().name()), t.audited()));
        events.publishEvent(t.event());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private void entry(UUID complaintId, String kind, String action, String text, String author) {
        jdbc.sql("""
                insert into complaint_entry (id, complaint_id, kind, action, text, author, created_at)
                values (:id, :complaint, :kind, :action, :text, :author, :at)
                """)
            .param("id", UUID.randomUUID())
            .param("complaint", complaintId)
            .param("kind", kind)
            .param("action", action)
            .param("text", text)
            .param("author", author)
            .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .update();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from complaint where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("complaint", rs.getString(1),
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
            .optional()
            .orElseThrow(() -> new NotFoundException("complaint " + id));
    }

    static Complaint map(ResultSet rs, int n) throws SQLException {
        return new Complaint(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
                ComplaintType.valueOf(rs.getString("type")), rs.getString("content"), localDate(rs, "occurred_on"),
                rs.getString("location"), rs.getString("unit_concerned"), rs.getBoolean("anonymous"),
                rs.getObject("owner_unit_id", UUID.class), rs.getObject("handling_unit_id", UUID.class),
                ComplaintStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
                localDate(rs, "acknowledge_due_on"), localDate(rs, "due_on"), rs.getString("extension_reason"),
                instant(rs, "accepted_at"), rs.getString("decline_reason"), rs.getString("result"),
                rs.getString("feedback_draft"), rs.getString("feedback"), instant(rs, "answered_at"),
                instant(rs, "closed_at"),
                rs.getString("closure") == null ? null : Closure.valueOf(rs.getString("closure")),
                rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
                rs.getString("satisfaction_comment"), instant(rs, "rated_at"), rs.getInt("reopen_count"),
                rs.getObject("problem_id", UUID.class), rs.getLong("version"), rs.getString("number"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * One line of a complaint's history (transitions, internal notes, information the
     * complainant added).
     */
    public record ComplaintEntry(String kind, String action, String text, String author, Instant at) {
    }

    public record AttachmentInfo(UUID id, String fileName, String mediaType, int sizeBytes) {
    }

    public record AttachmentContent(String fileName, String mediaType, byte[] content) {
    }

    /** A revealed identity (both null for an anonymous reporter). */
    public record Identity(boolean anonymous, String name, String phone) {
    }

}

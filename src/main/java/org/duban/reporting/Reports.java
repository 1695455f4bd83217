package org.duban.reporting;

import org.duban.audit.AuditEvent;
import org.duban.campaign.Campaign;
import org.duban.campaign.CampaignStatus;
import org.duban.campaign.Campaigns;
import org.duban.campaign.KeyTaskReportKind;
import org.duban.campaign.ReportSubmitted;
import org.duban.ledger.WorkingDays;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.duban.security.DubanUser;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports of a bureau to its superior, and of a unit to its bureau
 * ({@link ReportChannel}): one workflow whose rules are {@link Report}'s; this service
 * loads, calls and saves. Who sees what: the sender's own staff (a bureau's work team,
 * leading group, auditor; a unit's staff) see the working copy; the receiver sees only
 * what was submitted to it, as frozen versions; any other report is "not found".
 */
@Service
public class Reports {

    static final Locale DOCUMENT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Campaigns campaigns;

    private final ReportFigures figures;

    private final ReportDrafting drafting;

    private final MessageSource messages;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final WorkingDays workingDays;

    Reports(JdbcClient jdbc, OrgUnits units, Campaigns campaigns, ReportFigures figures, ReportDrafting drafting,
            MessageSource messages, ApplicationEventPublisher events, Clock clock, WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.units = units;
        this.campaigns = campaigns;
        this.figures = figures;
        this.drafting = drafting;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The bureau the signed-in user works for: the county (or city) bureau at or above
     * their unit.
     */
    public OrgUnit myBureau() {
        OrgUnit own = units.find(CurrentUser.require().unitId()).orElseThrow();
        return units.bureauOf(own);
    }

    /**
     * The unit the signed-in user reports for: their bureau for the bureau-wide roles
     * (work team, leading group, auditor), their own unit for unit staff, whose monthly
     * report goes to their bureau.
     */
    public OrgUnit myDesk() {
        DubanUser me = CurrentUser.require();
        OrgUnit own = units.find(me.unitId()).orElseThrow();
        return switch (me.scope()) {
            case BUREAU, ALL -> units.bureauOf(own);
            case OWN_UNIT, UNIT_AND_BELOW -> own;
        };
    }

    /**
     * Whether a unit speaks for a bureau (reports upward) or for itself (to its bureau).
     */
    static ReportChannel channelOf(OrgUnit sender) {
        return isBureau(sender) ? ReportChannel.BUREAU_TO_SUPERIOR : ReportChannel.UNIT_TO_BUREAU;
    }

    private static boolean isBureau(OrgUnit unit) {
        return unit.kind() == UnitKind.COUNTY_BUREAU || unit.kind() == UnitKind.CITY_BUREAU;
    }

    @Transactional(readOnly = true)
    public List<Report> listOwn() {
        return jdbc.sql("select * from report where unit_id = :bureau order by period desc, kind, created_at desc")
            .param("bureau", myDesk().id())
            .query(Reports::map)
            .list();
    }

    /**
     * Versions submitted to the signed-in user's bureau, from units in their scope,
     * newest first.
     */
    @Transactional(readOnly = true)
    public List<InboxEntry> inbox(DataScope scope) {
        // A unit's staff read their bureau's id too, but nothing is submitted to them.
        if (!CurrentUser.require().can(ReportingRoutes.RECEIVE)) {
            return List.of();
        }
        return jdbc.sql("""
                select v.report_id, v.version_no, v.title, v.document_number, v.submitted_at, v.outcome,
                       r.kind, r.period, r.status, r.submitted_version, o.name as unit_name
                from report_version v
                join report r on r.id = v.report_id
                join org_unit o on o.id = r.unit_id
                where v.superior_unit_id = :bureau and r.unit_id = any(:units)
                order by v.submitted_at desc
                """)
            .param("bureau", myBureau().id())
            .param("units", scope.unitArray())
            .query((rs, n) -> new InboxEntry(rs.getObject("report_id", UUID.class), rs.getInt("version_no"),
                    rs.getString("title"), rs.getString("document_number"), rs.getString("unit_name"),
                    ReportKind.valueOf(rs.getString("kind")), rs.getDate("period").toLocalDate(),
                    rs.getTimestamp("submitted_at").toInstant(), rs.getString("outcome"),
                    rs.getInt("version_no") == rs.getInt("submitted_version")
                            ? ReportStatus.valueOf(rs.getString("status")) : null))
            .list();
    }

    public record InboxEntry(UUID reportId, int version, String title, String documentNumber, String unitName,
            ReportKind kind, LocalDate period, Instant submittedAt, String outcome, ReportStatus currentStatus) {
    }

    /** The working copy, for the issuing bureau only. */
    @Transactional(readOnly = true)
    public Report getOwn(UUID id) {
        return find(id).filter(r -> r.unitId().equals(myDesk().id()))
            .orElseThrow(() -> new NotFoundException("report " + id));
    }

    /**
     * Whether the signed-in user reads this report as its superior (frozen versions)
     * rather than as its author.
     */
    @Transactional(readOnly = true)
    public boolean readsAsSuperior(UUID id, DataScope scope) {
        Report report = find(id).orElseThrow(() -> new NotFoundException("report " + id));
        if (report.unitId().equals(myDesk().id())) {
            return false;
        }
        if (scope.includes(report.unitId()) && !versions(id).isEmpty()) {
            return true;
        }
        throw new NotFoundException("report " + id);
    }

    /** Submitted versions; for a superior only those submitted to their bureau. */
    @Transactional(readOnly = true)
    public List<ReportVersion> versions(UUID id) {
        UUID bureau = myBureau().id();
        Report report = find(id).orElseThrow(() -> new NotFoundException("report " + id));
        boolean own = report.unitId().equals(myDesk().id());
        return jdbc
            .sql("select * from report_version where report_id = :id" + (own ? "" : " and superior_unit_id = :bureau")
                    + " order by version_no")
            .param("id", id)
            .params(own ? Map.of() : Map.of("bureau", bureau))
            .query(Reports::mapVersion)
            .list();
    }

    @Transactional(readOnly = true)
    public ReportVersion version(UUID id, int number, DataScope scope) {
        readsAsSuperior(id, scope);
        return versions(id).stream()
            .filter(v -> v.number() == number)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("report " + id + " version " + number));
    }

    @Transactional(readOnly = true)
    public List<Figure> figures(UUID id, int versionNo) {
        return jdbc
            .sql("select figure, value from report_figure where report_id = :id and version_no = :v order by sort")
            .param("id", id)
            .param("v", versionNo)
            .query((rs, n) -> figures.describe(rs.getString("figure"), rs.getBigDecimal("value")))
            .list();
    }

    @Transactional
    public UUID create(UUID campaignId, ReportKind kind, LocalDate period, DataScope scope) {
        Campaign campaign = campaigns.get(campaignId, scope);
        OrgUnit bureau = myDesk();
        ReportChannel channel = channelOf(bureau);
        if (channel == ReportChannel.UNIT_TO_BUREAU && kind != ReportKind.MONTHLY) {
            throw new BusinessRuleViolation("report.refused.unitMonthlyOnly");
        }
        LocalDate normalised = kind == ReportKind.MONTHLY ? period.withDayOfMonth(1) : period;
        // A month is reported on once it is over (the notice: 上月自查自纠情况), never while it
        // runs.
        if (kind == ReportKind.MONTHLY && normalised.plusMonths(1).isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("report.refused.monthNotEnded");
        }
        if (kind == ReportKind.MONTHLY && jdbc.sql("""
                select count(*) from report
                where campaign_id = :c and unit_id = :u and period = :p and kind = :monthly
                """)
            .param("c", campaignId)
            .param("monthly", ReportKind.MONTHLY.name())
            .param("u", bureau.id())
            .param("p", Date.valueOf(normalised))
            .query(Integer.class)
            .single() > 0) {
            throw new BusinessRuleViolation("report.refused.monthTaken");
        }
        OrgUnit superior = receiverOf(bureau);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<Figure> figuresDrafted = draftFigures(bureau, normalised, kind);
        ReportDrafting.Sections sections = drafting.draft(kind, bureau, normalised, figuresDrafted, campaign,
                LocalDate.now(clock));
        String title = channel == ReportChannel.UNIT_TO_BUREAU
                ? message("report.title.unitMonthly", String.valueOf(normalised.getYear()),
                        String.valueOf(normalised.getMonthValue()), bureau.name())
                : drafting.title(kind, normalised, campaign);
        Report report = new Report(id, campaignId, bureau.id(), kind, normalised, title, documentPrefix(campaign),
                documentYear(kind, normalised), null, message("report.addressee", superior.name()), null,
                sections.progress(), sections.results(), sections.problems(), sections.suggestions(),
                ReportStatus.DRAFT, null, null, null, 0, 0, CurrentUser.actor(), now, channel, null);
        Report.Transition drafted = report.drafted(CurrentUser.actor(), now);
        jdbc.sql("""
                insert into report (id, campaign_id, unit_id, kind, period, title, doc_prefix, doc_year, addressee,
                                    progress, results, problems, suggestions, status, channel, created_by, created_at,
                                    updated_by, updated_at)
                values (:id, :campaign, :unit, :kind, :period, :title, :prefix, :year, :addressee,
                        :progress, :results, :problems, :suggestions, :status, :channel, :by, :at, :by, :at)
                """)
            .param("channel", channel.name())
            .param("id", id)
            .param("campaign", campaignId)
            .param("unit", report.unitId())
            .param("kind", kind.name())
            .param("period", Date.valueOf(normalised))
            .param("title", title)
            .param("prefix", report.docPrefix())
            .param("year", report.docYear())
            .param("addressee", report.addressee())
            .param("progress", report.progress())
            .param("results", report.results())
            .param("problems", report.problems())
            .param("suggestions", report.suggestions())
            .param("status", drafted.to().name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(now))
            .update();
        storeFigures(id, 0, figuresDrafted);
        events.publishEvent(AuditEvent.change("reporting.report.created", "report", id, Map.of(),
                Map.of("kind", kind.name(), "period", normalised.toString(), "unit", bureau.id().toString())));
        events.publishEvent(drafted.event());
        return id;
    }

    @Transactional
    public void update(UUID id, ReportForm form) {
        Report before = getOwn(id);
        ReportStatus next = before.edit();
        int updated = jdbc.sql("""
                update report set title = :title, doc_prefix = :prefix, doc_year = :year, doc_seq = :seq,
                       addressee = :addressee, copy_to = :copyTo, progress = :progress, results = :results,
                       problems = :problems, suggestions = :suggestions, status = :status,
                       approved_by = null, approved_at = null, signer = null,
                       version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("title", form.title().strip())
            .param("prefix", form.docPrefix().strip())
            .param("year", form.docYear())
            .param("seq", form.docSeq())
            .param("addressee", form.addressee().strip())
            .param("copyTo", blankToNull(form.copyTo()))
            .param("progress", form.progress())
            .param("results", form.results())
            .param("problems", form.problems())
            .param("suggestions", form.suggestions())
            .param("status", next.name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", form.version() == null ? -1 : form.version())
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("reporting.report.updated", "report", id, describe(ReportForm.of(before)),
                describe(form)));
    }

    /** Drafts the figures again from today's data (the narrative stays as edited). */
    @Transactional
    public void redraftFigures(UUID id, long version) {
        Report report = getOwn(id);
        ReportStatus next = report.edit();
        transition(report, version, next, "reporting.report.redrafted", Map.of());
        jdbc.sql("delete from report_figure where report_id = :id and version_no = 0").param("id", id).update();
        OrgUnit bureau = units.find(report.unitId()).orElseThrow();
        storeFigures(id, 0, draftFigures(bureau, report.period(), report.kind()));
    }

    @Transactional
    public void approve(UUID id, long version) {
        Report report = getOwn(id);
        Report.Transition approved = report.approve(CurrentUser.actor(), clock.instant());
        ReportStatus next = approved.to();
        int updated = jdbc.sql("""
                update report set status = :status, approved_by = :by, approved_at = :at, signer = :signer,
                       approval_comment = null, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", next.name())
            .param("by", CurrentUser.actor())
            .param("signer", CurrentUser.require().displayName())
            .param("at", Timestamp.from(approved.event().at()))
            .param("id", id)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(AuditEvent.change("reporting.report.approved", "report", id,
                Map.of("status", report.status().name()), Map.of("status", next.name())));
        events.publishEvent(approved.event());
    }

    /**
     * The leading group returns the draft to the work team with a comment instead of
     * approving it.
     */
    @Transactional
    public void returnToDrafter(UUID id, long version, String comment) {
        Report report = getOwn(id);
        Report.Transition declined = report.returnToDrafter(comment, CurrentUser.actor(), clock.instant());
        int updated = jdbc.sql("""
                update report set status = :status, approval_comment = :comment, version = version + 1,
                       updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", declined.to().name())
            .param("comment", comment.strip())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(declined.event().at()))
            .param("id", id)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        events.publishEvent(
                AuditEvent.change("reporting.report.declined", "report", id, Map.of("status", report.status().name()),
                        Map.of("status", declined.to().name(), "comment", comment.strip())));
        events.publishEvent(declined.event());
    }

    /**
     * Freezes the approved report as the next version and sends it to the superior
     * bureau's inbox.
     */
    @Transactional
    public int submit(UUID id, long version) {
        Report report = getOwn(id);
        OrgUnit superior = receiverOf(units.find(report.unitId()).orElseThrow());
        Report.Transition submitted = report.submit(superior.id(), CurrentUser.actor(), clock.instant());
        ReportStatus next = submitted.to();
        int number = report.nextVersion();
        int updated = jdbc.sql("""
                update report set status = :status, submitted_version = :n, version = version + 1,
                       updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", next.name())
            .param("n", number)
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(id);
        }
        jdbc.sql("""
                insert into report_version (report_id, version_no, title, document_number, signer, addressee,
                                            copy_to, progress, results, problems, suggestions, submitted_by,
                                            submitted_at, superior_unit_id)
                values (:id, :n, :title, :number, :signer, :addressee, :copyTo, :progress, :results, :problems,
                        :suggestions, :by, :at, :superior)
                """)
            .param("id", id)
            .param("n", number)
            .param("title", report.title())
            .param("number", documentNumber(report))
            .param("signer", report.signer())
            .param("addressee", report.addressee())
            .param("copyTo", report.copyTo())
            .param("progress", report.progress())
            .param("results", report.results())
            .param("problems", report.problems())
            .param("suggestions", report.suggestions())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("superior", superior.id())
            .update();
        jdbc.sql("""
                insert into report_figure (report_id, version_no, sort, figure, value)
                select report_id, :n, sort, figure, value from report_figure where report_id = :id and version_no = 0
                """).param("id", id).param("n", number).update();
        events.publishEvent(
                AuditEvent.change("reporting.report.submitted", "report", id, Map.of("status", report.status().name()),
                        Map.of("status", next.name(), "version", number, "superior", superior.id().toString())));
        // The key-task plan accepts the tasks this report fulfils ("报送7月工作情况"), in this
        // transaction: the bureau's own report, never a unit's report to it.
        if (report.channel() == ReportChannel.BUREAU_TO_SUPERIOR) {
            events.publishEvent(
                    new ReportSubmitted(report.campaignId(), id, KeyTaskReportKind.valueOf(report.kind().name()),
                            report.period(), documentNumber(report), report.title()));
        }
        events.publishEvent(submitted.event());
        return number;
    }

    /** The superior bureau receives the latest version, or returns it with comments. */
    @Transactional
    public void decide(UUID id, long version, boolean received, String comment, DataScope scope) {
        if (!readsAsSuperior(id, scope)) {
            throw new NotFoundException("report " + id);
        }
        Report report = find(id).orElseThrow();
        UUID bureau = myBureau().id();
        Report.Transition decided = received ? report.receive(bureau, CurrentUser.actor(), clock.instant())
                : report.returnWithComment(comment, bureau, CurrentUser.actor(), clock.instant());
        ReportStatus next = decided.to();
        int mine = jdbc.sql("""
                update report_version set outcome = :outcome, comment = :comment, decided_by = :by, decided_at = :at
                where report_id = :id and version_no = :n and superior_unit_id = :bureau and outcome is null
                """)
            .param("outcome", next.name())
            .param("comment", blankToNull(comment))
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("n", report.submittedVersion())
            .param("bureau", bureau)
            .update();
        if (mine == 0) {
            throw new NotFoundException("report " + id);
        }
        transition(report, version, next, received ? "reporting.report.received" : "reporting.report.returned",
                comment == null ? Map.of() : Map.of("comment", comment));
        events.publishEvent(decided.event());
    }

    /**
     * How many monthly reports a bureau owes its superior past their deadline: for each
     * month of its own active campaign that has ended, the report is due by the end of
     * the following month (the notice: 每月月底前报送上月情况); it is late when no version reached
     * the superior by then (a returned one that had arrived in time is not late).
     */
    @Transactional(readOnly = true)
    public int lateMonthlyReports(OrgUnit bureau, LocalDate today) {
        return lateMonthlyReports(List.of(bureau.id()), null, today).getOrDefault(bureau.id(), 0);
    }

    /**
     * As {@link #lateMonthlyReports(OrgUnit, LocalDate)} for several bureaus at once (two
     * queries, not two per bureau). {@code campaigns} (null: each bureau's active
     * campaign) narrows the campaign counted to the bureau's own among them, e.g. its
     * child of the campaign chosen on the dashboard.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> lateMonthlyReports(List<UUID> bureaus, UUID[] campaigns, LocalDate today) {
        record Run(UUID id, LocalDate startsOn, LocalDate endsOn) {
        }
        Map<UUID, Run> runs = new java.util.HashMap<>();
        jdbc.sql("""
                select distinct on (owner_unit_id) owner_unit_id, id, starts_on, ends_on from campaign
                where owner_unit_id = any(:bureaus)
                  and (cast(:campaigns as uuid[]) is null and status = :active or id = any(:campaigns))
                order by owner_unit_id, starts_on
                """)
            .param("bureaus", bureaus.toArray(UUID[]::new))
            .param("campaigns", campaigns)
            .param("active", CampaignStatus.ACTIVE.name())
            .query(rs -> {
                Date endsOn = rs.getDate("ends_on");
                runs.put(rs.getObject("owner_unit_id", UUID.class), new Run(rs.getObject("id", UUID.class),
                        rs.getDate("starts_on").toLocalDate(), endsOn == null ? null : endsOn.toLocalDate()));
            });
        Map<UUID, Map<LocalDate, Instant>> firstArrival = new java.util.HashMap<>();
        if (!runs.isEmpty()) {
            jdbc.sql("""
                    select r.unit_id, r.period, min(v.submitted_at) as first from report r
                    join report_version v on v.report_id = r.id
                    where r.unit_id = any(:bureaus) and r.campaign_id = any(:campaigns) and r.kind = :monthly
                    group by r.unit_id, r.campaign_id, r.period
                    """)
                .param("bureaus", runs.keySet().toArray(UUID[]::new))
                .param("campaigns", runs.values().stream().map(Run::id).toArray(UUID[]::new))
                .param("monthly", ReportKind.MONTHLY.name())
                .query(rs -> {
                    firstArrival.computeIfAbsent(rs.getObject("unit_id", UUID.class), u -> new java.util.HashMap<>())
                        .put(rs.getDate("period").toLocalDate(), rs.getTimestamp("first").toInstant());
                });
        }
        Map<UUID, Integer> late = new java.util.HashMap<>();
        for (UUID bureau : bureaus) {
            Run run = runs.get(bureau);
            late.put(bureau, run == null ? 0
                    : late(run.startsOn(), run.endsOn(), firstArrival.getOrDefault(bureau, Map.of()), today));
        }
        return late;
    }

    private int late(LocalDate startsOn, LocalDate endsOn, Map<LocalDate, Instant> firstArrival, LocalDate today) {
        LocalDate start = startsOn.withDayOfMonth(1);
        LocalDate end = endsOn == null ? today : endsOn;
        int late = 0;
        for (LocalDate month = start; !month.isAfter(end); month = month.plusMonths(1)) {
            LocalDate deadline = month.plusMonths(2).minusDays(1);
            if (!deadline.isBefore(today)) {
                break;
            }
            Instant arrived = firstArrival.get(month);
            if (arrived == null || arrived.atZone(clock.getZone()).toLocalDate().isAfter(deadline)) {
                late++;
            }
        }
        return late;
    }

    /** The kinds of unit that send the county a monthly report (docs/adr/0712). */
    static final List<UnitKind> REPORTING_UNITS = List.of(UnitKind.BRIGADE, UnitKind.SQUAD, UnitKind.CENTRE);

    /**
     * One unit's monthly report for one month, as its bureau sees it: due on the last
     * working day of the following month (每月月底前报送上月情况, the holiday calendar decides);
     * missing when nothing was submitted by then, late when the first submission came
     * after it (a returned report that had arrived in time is not late).
     */
    public record UnitReportDue(UUID unitId, String unitName, LocalDate month, LocalDate dueOn, UUID reportId,
            ReportStatus status, LocalDate firstSubmittedOn, boolean missing, boolean late) {
    }

    /**
     * Every reporting unit's monthly report of the bureau's active campaign for each
     * month from the campaign's start whose report is due by {@code today} or already
     * exists, for the units of the bureau the user receives for; the late and missing
     * ones are the county's list of units to chase.
     */
    @Transactional(readOnly = true)
    public List<UnitReportDue> unitReports(DataScope scope, LocalDate today) {
        OrgUnit bureau = myBureau();
        Optional<Map<String, Object>> campaign = activeCampaign(bureau);
        if (campaign.isEmpty() || !CurrentUser.require().can(ReportingRoutes.RECEIVE)) {
            return List.of();
        }
        record Sent(UUID id, ReportStatus status, Instant first) {
        }
        Map<String, Sent> sent = new java.util.HashMap<>();
        jdbc.sql("""
                select r.id, r.unit_id, r.period, r.status, min(v.submitted_at) as first
                from report r left join report_version v on v.report_id = r.id
                where r.campaign_id = :campaign and r.channel = :channel and r.unit_id = any(:units)
                group by r.id
                """)
            .param("campaign", campaign.get().get("id"))
            .param("channel", ReportChannel.UNIT_TO_BUREAU.name())
            .param("units", scope.unitArray())
            .query(rs -> {
                Timestamp first = rs.getTimestamp("first");
                sent.put(rs.getObject("unit_id") + "/" + rs.getDate("period").toLocalDate(),
                        new Sent(rs.getObject("id", UUID.class), ReportStatus.valueOf(rs.getString("status")),
                                first == null ? null : first.toInstant()));
            });
        List<OrgUnit> senders = units.all()
            .stream()
            .filter(u -> REPORTING_UNITS.contains(u.kind()) && bureau.contains(u) && scope.includes(u.id())
                    && units.bureauOf(u).id().equals(bureau.id()))
            .toList();
        LocalDate start = ((Date) campaign.get().get("starts_on")).toLocalDate().withDayOfMonth(1);
        Date endsOn = (Date) campaign.get().get("ends_on");
        LocalDate end = endsOn == null || endsOn.toLocalDate().isAfter(today) ? today : endsOn.toLocalDate();
        List<UnitReportDue> due = new java.util.ArrayList<>();
        for (LocalDate month = start; month.plusMonths(1).isBefore(end.plusDays(1)); month = month.plusMonths(1)) {
            LocalDate dueOn = dueOn(month);
            for (OrgUnit unit : senders) {
                Sent s = sent.get(unit.id() + "/" + month);
                if (s == null && !dueOn.isBefore(today)) {
                    continue;
                }
                LocalDate first = s == null || s.first() == null ? null
                        : s.first().atZone(clock.getZone()).toLocalDate();
                boolean missing = first == null && dueOn.isBefore(today);
                boolean late = first != null && first.isAfter(dueOn);
                due.add(new UnitReportDue(unit.id(), unit.name(), month, dueOn, s == null ? null : s.id(),
                        s == null ? null : s.status(), first, missing, late));
            }
        }
        return due;
    }

    /** The bureau's own active campaign (the first to start): id, starts_on, ends_on. */
    private Optional<Map<String, Object>> activeCampaign(OrgUnit bureau) {
        return jdbc.sql("""
                select id, starts_on, ends_on from campaign where owner_unit_id = :bureau and status = :active
                order by starts_on limit 1
                """)
            .param("bureau", bureau.id())
            .param("active", CampaignStatus.ACTIVE.name())
            .query()
            .listOfRows()
            .stream()
            .findFirst();
    }

    /**
     * The last working day of the month after {@code month}: the day a month's report is
     * due.
     */
    LocalDate dueOn(LocalDate month) {
        LocalDate day = month.withDayOfMonth(1).plusMonths(2).minusDays(1);
        while (workingDays.between(day.minusDays(1), day) == 0) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * The headline figures followed by the breakdowns by category, source and complaint
     * channel.
     */
    List<Figure> draftFigures(OrgUnit bureau, LocalDate period, ReportKind kind) {
        List<Figure> all = new java.util.ArrayList<>(figures.compute(bureau, period, kind, LocalDate.now(clock)));
        figures.breakdowns(bureau, period, kind).forEach(b -> all.addAll(b.items()));
        return all;
    }

    /**
     * The year in the document number (〔2023〕): a monthly report's own month's year,
     * whenever it is drafted (a December report written in January is still numbered in
     * its year); other reports the year they are drafted.
     */
    int documentYear(ReportKind kind, LocalDate period) {
        return kind == ReportKind.MONTHLY ? period.getYear() : LocalDate.now(clock).getYear();
    }

    String documentNumber(Report report) {
        if (!report.channel().approvedAndNumbered() && report.docSeq() == null) {
            return "";
        }
        return message("report.documentNumber", report.docPrefix(), String.valueOf(report.docYear()),
                report.docSeq() == null ? "" : String.valueOf(report.docSeq()));
    }

    /**
     * The agency code (机关代字) of the campaign's own notice, e.g. the part before 〔 in its
     * number.
     */
    static String documentPrefix(Campaign campaign) {
        String number = campaign.documentNumber();
        if (number == null || number.indexOf('\u3014') <= 0) {
            return "";
        }
        return number.substring(0, number.indexOf('\u3014')).strip();
    }

    /**
     * Where a sender's reports go: a unit's to its bureau, a bureau's to the one above.
     */
    OrgUnit receiverOf(OrgUnit sender) {
        return isBureau(sender) ? superiorOf(sender) : units.bureauOf(sender);
    }

    OrgUnit superiorOf(OrgUnit bureau) {
        if (bureau.parentId() == null) {
            throw new BusinessRuleViolation("report.refused.noSuperior");
        }
        return units.bureauOf(units.find(bureau.parentId()).orElseThrow());
    }

    Optional<Report> find(UUID id) {
        return jdbc.sql("select * from report where id = :id").param("id", id).query(Reports::map).optional();
    }

    private void transition(Report report, long version, ReportStatus next, String action, Map<String, Object> extra) {
        int updated = jdbc.sql("""
                update report set status = :status, version = version + 1, updated_by = :by, updated_at = :at
                where id = :id and version = :version
                """)
            .param("status", next.name())
            .param("by", CurrentUser.actor())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", report.id())
            .param("version", version)
            .update();
        if (updated == 0) {
            throw stale(report.id());
        }
        Map<String, Object> after = new LinkedHashMap<>(extra);
        after.put("status", next.name());
        events.publishEvent(
                AuditEvent.change(action, "report", report.id(), Map.of("status", report.status().name()), after));
    }

    private void storeFigures(UUID id, int versionNo, List<Figure> list) {
        int sort = 0;
        for (Figure f : list) {
            jdbc.sql(
                    "insert into report_figure (report_id, version_no, sort, figure, value) values (:id, :v, :s, :f, :value)")
                .param("id", id)
                .param("v", versionNo)
                .param("s", sort++)
                .param("f", f.key())
                .param("value", f.value())
                .update();
        }
    }

    private StaleEditException stale(UUID id) {
        return jdbc.sql("select updated_by, updated_at from report where id = :id")
            .param("id", id)
            .query((rs, n) -> new StaleEditException("report " + id, rs.getString("updated_by"),
                    rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
            .optional()
            .orElseGet(() -> new StaleEditException("report " + id, null, null));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, DOCUMENT_LOCALE);
    }

    private static Map<String, Object> describe(ReportForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title());
        m.put("docSeq", f.docSeq());
        m.put("progress", f.progress());
        m.put("results", f.results());
        m.put("problems", f.problems());
        m.put("suggestions", f.suggestions());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Report map(ResultSet rs, int row) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Report(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getObject("unit_id", UUID.class), ReportKind.valueOf(rs.getString("kind")),
                rs.getDate("period").toLocalDate(), rs.getString("title"), rs.getString("doc_prefix"),
                rs.getInt("doc_year"), (Integer) rs.getObject("doc_seq"), rs.getString("addressee"),
                rs.getString("copy_to"), rs.getString("progress"), rs.getString("results"), rs.getString("problems"),
                rs.getString("suggestions"), ReportStatus.valueOf(rs.getString("status")), rs.getString("approved_by"),
                rs.getString("signer"), approved == null ? null : approved.toInstant(), rs.getInt("submitted_version"),
                rs.getLong("version"), rs.getString("updated_by"), updated == null ? null : updated.toInstant(),
                ReportChannel.valueOf(rs.getString("channel")), rs.getString("approval_comment"));
    }

    static ReportVersion mapVersion(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ReportVersion(rs.getObject("report_id", UUID.class), rs.getInt("version_no"), rs.getString("title"),
                rs.getString("document_number"), rs.getString("signer"), rs.getString("addressee"),
                rs.getString("copy_to"), rs.getString("progress"), rs.getString("results"), rs.getString("problems"),
                rs.getString("suggestions"), rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("superior_unit_id", UUID.class), rs.getString("outcome"), rs.getString("comment"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant());
    }

}

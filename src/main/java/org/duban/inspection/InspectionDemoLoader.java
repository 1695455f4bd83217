package org.duban.inspection;

import org.duban.campaign.Campaigns;
import org.duban.ledger.ProblemCategory;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.organization.UnitKind;
import org.duban.shared.BureauClock;
import org.duban.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.duban.shared.DemoLoader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Demonstration stations, declared conflicts, random draws and inspections
 * ({@code demo/inspection.json}), only into empty tables. Draws and inspections go
 * through the module's own services, each step run with a clock fixed at the step's
 * moment in 2023: a committed draw is sealed by the database (its times can never be set
 * back afterwards), so it is committed, drawn and published at its own time in the first
 * place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class InspectionDemoLoader implements DemoLoader {

    record Data(List<Station> stations, List<Conflict> conflicts, List<Draw> draws, List<Visit> inspections) {
    }

    /**
     * A random draw of one bureau: units of a kind under a root, inspectors from the
     * bureau, then its inspection.
     */
    record Draw(String actor, String bureau, String title, DrawForm.TargetType targetType, String targetRoot,
            UnitKind unitKind, String poolRoot, int targetCount, int inspectorsPerTarget, LocalDateTime committedAt,
            LocalDateTime drawnAt, LocalDateTime publishedAt, LocalDate inspectOn, List<FindingData> findings,
            LocalDateTime closedAt, String summary) {
    }

    /** A surprise inspection or unannounced visit planned by a bureau's work team. */
    record Visit(String actor, String bureau, InspectionType type, String title, LocalDate plannedOn,
            List<String> units, List<String> stations, List<String> inspectors, List<FindingData> findings,
            LocalDateTime closedAt, String summary) {
    }

    record FindingData(String itemCode, ProblemCategory category, String targetLabel, String description,
            String evidence, LocalDate foundOn) {
    }

    record Station(String code, String name, String unit) {
    }

    record Conflict(String staff, String subjectType, String subjectUnit, String subjectStaff, String reason) {
    }

    private final DemoMode demoMode;

    private final JdbcClient jdbc;

    private final OrgUnits units;

    private final Conflicts conflicts;

    private final TransactionTemplate tx;

    /** The demonstration's wall-clock times are the bureau's. */
    private final ZoneId zone;

    private final StaffDirectory staff;

    private final Checklist checklist;

    private final ApplicationEventPublisher events;

    private final UserDetailsService users;

    private final Campaigns campaigns;

    InspectionDemoLoader(DemoMode demoMode, JdbcClient jdbc, OrgUnits units, Conflicts conflicts,
            TransactionTemplate tx, StaffDirectory staff, Checklist checklist, ApplicationEventPublisher events,
            UserDetailsService users, Campaigns campaigns, BureauClock bureauClock) {
        this.zone = bureauClock.zone();
        this.campaigns = campaigns;
        this.staff = staff;
        this.checklist = checklist;
        this.events = events;
        this.users = users;
        this.demoMode = demoMode;
        this.jdbc = jdbc;
        this.units = units;
        this.conflicts = conflicts;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.wanted() || units.all().isEmpty()
                || jdbc.sql("select count(*) from inspection_station").query(Integer.class).single() > 0) {
            return;
        }
        Data data;
        try (InputStream in = new ClassPathResource("demo/inspection.json").getInputStream()) {
            data = JsonMapper.builder().build().readValue(in, Data.class);
        }
        demoMode.runAs("system", () -> tx.executeWithoutResult(status -> load(data)));
    }

    private void load(Data data) {
        for (Station s : data.stations()) {
            OrgUnit unit = units.findByCode(s.unit()).orElseThrow();
            jdbc.sql("insert into inspection_station (id, unit_id, code, name) values (:id, :unit, :code, :name)")
                .param("id", UUID.randomUUID())
                .param("unit", unit.id())
                .param("code", s.code())
                .param("name", s.name())
                .update();
        }
        DataScope all = new DataScope(new HashSet<>(units.all().stream().map(OrgUnit::id).toList()), "/");
        for (Conflict c : data.conflicts()) {
            String subject = c.subjectUnit() != null ? units.findByCode(c.subjectUnit()).orElseThrow().id().toString()
                    : staffByName(c.subjectStaff()).toString();
            conflicts.declare(staffByName(c.staff()), c.subjectType(), subject, c.reason(), all);
        }
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            for (Draw d : data.draws() == null ? List.<Draw>of() : data.draws()) {
                draw(d, all);
            }
            for (Visit v : data.inspections() == null ? List.<Visit>of() : data.inspections()) {
                visit(v, all);
            }
        }
        finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void draw(Draw d, DataScope all) {
        actAs(d.actor());
        DrawForm form = new DrawForm(d.title(), campaignOf(d.bureau()), d.targetType(), unit(d.targetRoot()),
                d.unitKind(), unit(d.poolRoot()), d.targetCount(), d.inspectorsPerTarget(), DrawForm.SeedMode.COMMITTED,
                null);
        UUID id = drawsAt(d.committedAt()).commit(form, all);
        drawsAt(d.drawnAt()).draw(id, 0, null, all);
        if (d.publishedAt() != null) {
            drawsAt(d.publishedAt()).publish(id, 1, all);
        }
        if (d.inspectOn() != null) {
            Inspections inspections = inspectionsAt(d.drawnAt());
            UUID inspection = inspections.createFromDraw(id, null, d.inspectOn(), all);
            finish(inspection, d.findings(), d.closedAt(), d.summary(), all);
        }
    }

    private void visit(Visit v, DataScope all) {
        actAs(v.actor());
        List<UUID> stations = v.stations() == null ? List.of()
                : v.stations()
                    .stream()
                    .map(code -> jdbc.sql("select id from inspection_station where code = :code")
                        .param("code", code)
                        .query(UUID.class)
                        .single())
                    .toList();
        InspectionForm form = new InspectionForm(v.type(), v.title(), campaignOf(v.bureau()), v.plannedOn(),
                v.units() == null ? List.of() : v.units().stream().map(this::unit).toList(), stations, List.of(), null,
                v.inspectors().stream().map(this::staffByName).toList());
        UUID id = inspectionsAt(v.plannedOn().minusDays(2).atTime(16, 0)).create(form, all);
        finish(id, v.findings(), v.closedAt(), v.summary(), all);
    }

    /** Findings on their days, then the inspection closed at its time (if it is). */
    private void finish(UUID id, List<FindingData> findings, LocalDateTime closedAt, String summary, DataScope all) {
        long version = 0;
        for (FindingData f : findings == null ? List.<FindingData>of() : findings) {
            inspectionsAt(f.foundOn().atTime(15, 30)).addFinding(id, new FindingForm(f.itemCode(), f.category(),
                    f.targetLabel(), f.description(), f.evidence(), f.foundOn(), version++), all);
        }
        if (closedAt != null) {
            inspectionsAt(closedAt).close(id, version, summary, all);
        }
    }

    private RandomDraws drawsAt(LocalDateTime at) {
        return new RandomDraws(jdbc, units, events, Clock.fixed(at.atZone(zone).toInstant(), zone), campaigns);
    }

    private Inspections inspectionsAt(LocalDateTime at) {
        Clock clock = Clock.fixed(at.atZone(zone).toInstant(), zone);
        return new Inspections(jdbc, units, staff, new RandomDraws(jdbc, units, events, clock, campaigns), checklist,
                events, clock, campaigns);
    }

    private UUID campaignOf(String bureau) {
        return jdbc.sql("""
                select c.id from campaign c join org_unit o on o.id = c.owner_unit_id
                where o.code = :code order by c.starts_on limit 1
                """).param("code", bureau).query(UUID.class).single();
    }

    private UUID unit(String code) {
        return units.findByCode(code).map(OrgUnit::id).orElseThrow(() -> new IllegalStateException("no unit " + code));
    }

    /**
     * The demonstration login a step is done as, with its real unit and roles (a draw
     * belongs to its unit).
     */
    private void actAs(String login) {
        UserDetails user = users.loadUserByUsername(login);
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private UUID staffByName(String name) {
        return jdbc.sql("select id from staff where name = :name order by id limit 1")
            .param("name", name)
            .query(UUID.class)
            .single();
    }

}

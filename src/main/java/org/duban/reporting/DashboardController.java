package org.duban.reporting;

import org.duban.campaign.Campaign;
import org.duban.campaign.Campaigns;
import org.duban.campaign.PhaseWindow;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.duban.security.CurrentUser;
import org.duban.shared.NotFoundException;
import org.duban.training.Trainings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The campaign's dashboard: the phase timeline with today marked and the goal figures of
 * the user's scope; for a city bureau the same figures per county side by side. Chart
 * data travel in data-* attributes (the CSP allows no inline script);
 * static/js/reporting.js draws them with ECharts.
 */
@Controller
class DashboardController {

    private final Campaigns campaigns;

    private final OrgUnits units;

    private final ReportFigures figures;

    private final FigureLists lists;

    private final MessageSource messages;

    private final Reports reports;

    private final Trainings trainings;

    private final HandDownFigures handDowns;

    DashboardController(Campaigns campaigns, OrgUnits units, ReportFigures figures, FigureLists lists,
            MessageSource messages, Reports reports, Trainings trainings, HandDownFigures handDowns) {
        this.handDowns = handDowns;
        this.reports = reports;
        this.trainings = trainings;
        this.messages = messages;
        this.campaigns = campaigns;
        this.units = units;
        this.figures = figures;
        this.lists = lists;
    }

    /**
     * The rows behind one figure: the whole scope, or one county (unit) of it. A unit
     * outside the scope, or a figure that names none, is 404. Confidential rows show
     * their unit only unless the reader may read them.
     */
    @GetMapping("/dashboard/list")
    String list(@RequestParam String figure, @RequestParam(required = false) UUID unit,
            @RequestParam(required = false) UUID campaign, Model model, Locale locale) {
        if (figure.length() > 80) {
            throw new NotFoundException("figure");
        }
        DataScope scope = units.currentScope();
        LocalDate today = campaigns.today();
        FigureLists.Result result = lists.list(figure, lists.units(scope, unit),
                span(chosen(campaign, campaigns.list(scope)), today), CurrentUser.require());
        model.addAttribute("campaign", campaign);
        model.addAttribute("result", result);
        UUID keyUnit = ReportFigures.keyUnit(figure);
        model.addAttribute("figureLabel",
                keyUnit != null
                        ? messages.getMessage("figure.complaintUnit", new Object[] { unitName(keyUnit) }, locale)
                        : messages.getMessage("figure." + figure, null, locale));
        java.math.BigDecimal rate = result.part() == null ? null : ReportFigures
            .rate(java.math.BigDecimal.valueOf(result.part()), java.math.BigDecimal.valueOf(result.total()));
        model.addAttribute("figureValue",
                rate == null ? messages.getMessage("dashboard.noValue", null, locale) : rate.toPlainString() + "%");
        model.addAttribute("unitName", unit == null ? null : unitName(unit));
        model.addAttribute("limit", FigureLists.LIMIT);
        return "reporting/figure-list";
    }

    private String unitName(UUID id) {
        return units.find(id).map(OrgUnit::name).orElse(null);
    }

    /**
     * The goal indicators the counties are ranked on, each with whether more is better.
     */
    static final Map<String, Boolean> RANKED = Map.of("complaintsOnTimeRate", true, "satisfactionRate", true,
            "rectifiedRate", true, "problemsOverdue", false);

    /**
     * Each county's place on each ranked indicator (1 = best; equal values share a place,
     * the next place is skipped); a county without a value (a rate of nothing) has no
     * place.
     */
    static Map<String, Map<UUID, Integer>> ranks(List<Column> columns) {
        Map<String, Map<UUID, Integer>> ranks = new java.util.HashMap<>();
        RANKED.forEach((key, higherIsBetter) -> {
            Map<UUID, java.math.BigDecimal> values = new java.util.HashMap<>();
            for (Column c : columns) {
                c.figures()
                    .stream()
                    .filter(f -> f.key().equals(key) && f.value() != null)
                    .findFirst()
                    .ifPresent(f -> values.put(c.unit().id(), f.value()));
            }
            Map<UUID, Integer> places = new java.util.HashMap<>();
            values.forEach((unit, value) -> places.put(unit,
                    1 + (int) values.values()
                        .stream()
                        .filter(other -> higherIsBetter ? other.compareTo(value) > 0 : other.compareTo(value) < 0)
                        .count()));
            ranks.put(key, places);
        });
        return ranks;
    }

    /** The dashboard counts everything since the campaign began. */
    static final LocalDate FROM_START = LocalDate.of(2000, 1, 1);

    /**
     * One column of the side-by-side view: a bureau below, its figures and its breakdowns
     * (category, source, channel).
     */
    record Column(OrgUnit unit, List<Figure> figures, List<ReportFigures.Breakdown> breakdowns) {
    }

    /**
     * The bureaus of one level below the chosen bureau side by side (a province's cities,
     * or all its counties), ranked among themselves, with their late monthly reports and
     * the items handed down to them.
     */
    record Level(UnitKind kind, List<Column> columns, Map<String, Map<UUID, Integer>> ranks,
            Map<UUID, Integer> lateReports, Map<UUID, HandDownFigures.Tally> handDowns) {

        /** The ids of the level's tables: the counties' keep their first names. */
        public String id(String part) {
            return kind == UnitKind.COUNTY_BUREAU ? part : kind.name().toLowerCase(Locale.ROOT) + "-" + part;
        }

    }

    /** One unit's training attendance on the dashboard. */
    record Attendance(String unit, Trainings.UnitRate rate) {
    }

    /** A campaign's phases as offsets in days from its start, for the timeline chart. */
    record Timeline(Campaign campaign, String phases, String starts, String lengths, long today, long total) {
    }

    /**
     * The dashboard of one campaign (its own and the children issued from it down the
     * levels; none: everything since the beginning) and one bureau of the scope (none:
     * the widest one). Both ids are checked against the user's scope: a campaign the user
     * may not see, or a bureau outside the scope, is 404.
     */
    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) UUID campaign, @RequestParam(required = false) UUID bureau,
            Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAllAttributes(model(campaign, bureau));
        // The home page loads the dashboard as its main content with htmx: then only the
        // fragment.
        return htmx != null ? "reporting/dashboard :: content" : "reporting/dashboard";
    }

    /** The dashboard's model, also used by the home page. */
    java.util.Map<String, Object> model() {
        return model(null, null);
    }

    private static Campaign chosen(UUID id, List<Campaign> visible) {
        if (id == null) {
            return null;
        }
        return visible.stream()
            .filter(c -> c.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("campaign " + id));
    }

    /**
     * The chosen campaign's rows (its family) since it began, or everything since
     * {@link #FROM_START}.
     */
    private ReportFigures.Span span(Campaign chosen, LocalDate today) {
        if (chosen == null) {
            return new ReportFigures.Span(FROM_START, today, today, null);
        }
        LocalDate from = chosen.startsOn() != null ? chosen.startsOn()
                : chosen.phases().isEmpty() ? FROM_START : chosen.phases().get(0).startsOn();
        return new ReportFigures.Span(from.isAfter(today) ? today : from, today, today,
                figures.campaignFamily(chosen.id()));
    }

    java.util.Map<String, Object> model(UUID campaignId, UUID bureauId) {
        DataScope scope = units.currentScope();
        LocalDate today = campaigns.today();
        java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
        List<Campaign> visible = campaigns.list(scope);
        Campaign chosen = chosen(campaignId, visible);
        List<OrgUnit> all = units.all();
        List<OrgUnit> bureaus = all.stream().filter(u -> u.kind().bureau() && scope.includes(u.id())).toList();
        OrgUnit selected = bureauId == null
                ? bureaus.stream().min(java.util.Comparator.comparingInt(OrgUnit::depth)).orElse(null)
                : bureaus.stream()
                    .filter(b -> b.id().equals(bureauId))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("unit " + bureauId));
        UUID[] shown = selected == null ? scope.unitArray()
                : all.stream().filter(selected::contains).map(OrgUnit::id).filter(scope::includes).toArray(UUID[]::new);
        java.util.Set<UUID> shownSet = java.util.Set.of(shown);
        ReportFigures.Span span = span(chosen, today);
        model.put("today", today);
        model.put("campaigns", visible);
        model.put("campaign", chosen == null ? null : chosen.id());
        model.put("bureaus", bureaus);
        model.put("bureau", selected);
        model.put("timelines",
                visible.stream()
                    .filter(c -> chosen == null || c.id().equals(chosen.id()))
                    .filter(c -> !c.phases().isEmpty())
                    .map(c -> timeline(c, today))
                    .toList());
        List<OrgUnit> below = selected == null ? List.of()
                : bureaus.stream().filter(b -> selected.contains(b) && !b.id().equals(selected.id())).toList();
        // The chosen bureau's own figures are the sums of the groups below it and its own
        // units: one grouped query per source serves the cards and the side-by-side view.
        ReportFigures.GroupFigures grouped = selected == null ? null : grouped(selected, below, all, scope, span);
        List<Figure> own = grouped == null ? figures.compute(shown, span) : grouped.figures().get(selected.id());
        model.put("figures", own);
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
        model.put("breakdowns", figures.dashboardBreakdowns(shown, span, names,
                grouped == null ? null : grouped.breakdowns().get(selected.id())));
        // 学习教育: attendance of the held training sessions, per unit of the scope, in tree
        // order.
        Map<UUID, Trainings.UnitRate> rates = trainings.rates(scope)
            .stream()
            .collect(Collectors.toMap(Trainings.UnitRate::unitId, r -> r));
        model.put("attendance",
                all.stream()
                    .filter(u -> rates.containsKey(u.id()) && shownSet.contains(u.id()))
                    .map(u -> new Attendance(u.name(), rates.get(u.id())))
                    .toList());
        List<Level> levels = below.isEmpty() ? List.of() : levels(below, grouped, span, today);
        model.put("levels", levels);
        // 上级交办: what the chosen bureau handed down and what was handed to it.
        if (selected != null) {
            model.put("handedDown", handDowns.issued(List.of(selected.id()), today).get(selected.id()));
            model.put("handedToUs", handDowns.received(List.of(selected.id()), today).get(selected.id()));
        }
        return model;
    }

    /**
     * The figures of the chosen bureau and of each bureau below it in scope, in one
     * grouped query per source, not one per bureau. Each unit counts once, for the
     * deepest of these bureaus that holds it (its county, or the city for the city's own
     * offices, or the chosen bureau for its own); a bureau's figures are the sums of its
     * own and its bureaus' counts below.
     */
    private ReportFigures.GroupFigures grouped(OrgUnit selected, List<OrgUnit> below, List<OrgUnit> all,
            DataScope scope, ReportFigures.Span span) {
        List<OrgUnit> groups = new ArrayList<>(below);
        groups.add(selected);
        List<UUID> memberUnits = new ArrayList<>();
        List<UUID> memberGroups = new ArrayList<>();
        for (OrgUnit u : all) {
            if (!scope.includes(u.id())) {
                continue;
            }
            groups.stream()
                .filter(b -> b.contains(u))
                .max(java.util.Comparator.comparingInt(OrgUnit::depth))
                .ifPresent(b -> {
                    memberUnits.add(u.id());
                    memberGroups.add(b.id());
                });
        }
        Map<UUID, java.util.Set<UUID>> rollUp = new java.util.LinkedHashMap<>();
        for (OrgUnit b : groups) {
            rollUp.put(b.id(),
                    groups.stream().filter(b::contains).map(OrgUnit::id).collect(Collectors.toUnmodifiableSet()));
        }
        return figures.computeByGroup(
                new ReportFigures.Members(memberUnits.toArray(UUID[]::new), memberGroups.toArray(UUID[]::new)), rollUp,
                span);
    }

    /**
     * The bureaus below the chosen one, one level per kind (a province's cities, then its
     * counties), ranked among themselves, with their late reports and hand-downs.
     */
    private List<Level> levels(List<OrgUnit> below, ReportFigures.GroupFigures grouped, ReportFigures.Span span,
            LocalDate today) {
        Map<UUID, List<Figure>> byBureau = grouped.figures();
        Map<UUID, List<ReportFigures.Breakdown>> breakdowns = grouped.breakdowns();
        List<UUID> ids = below.stream().map(OrgUnit::id).toList();
        Map<UUID, Integer> late = reports.lateMonthlyReports(ids, span.campaigns(), today);
        Map<UUID, HandDownFigures.Tally> received = handDowns.received(ids, today);
        Map<UnitKind, List<Column>> byKind = new java.util.TreeMap<>();
        for (OrgUnit b : below) {
            byKind.computeIfAbsent(b.kind(), k -> new ArrayList<>())
                .add(new Column(b, byBureau.getOrDefault(b.id(), List.of()),
                        breakdowns.getOrDefault(b.id(), List.of())));
        }
        return byKind.entrySet()
            .stream()
            .map(e -> new Level(e.getKey(), e.getValue(), ranks(e.getValue()), late, received))
            .toList();
    }

    private static Timeline timeline(Campaign c, LocalDate today) {
        LocalDate start = c.phases().get(0).startsOn();
        PhaseWindow last = c.phases().get(c.phases().size() - 1);
        LocalDate end = last.endsOn() != null ? last.endsOn()
                : (c.endsOn() != null && c.endsOn().isAfter(last.startsOn()) ? c.endsOn()
                        : last.startsOn().plusMonths(3));
        if (today.isAfter(end)) {
            end = today;
        }
        LocalDate finalEnd = end;
        String phases = c.phases().stream().map(w -> w.phase().name()).collect(Collectors.joining("|"));
        String starts = c.phases()
            .stream()
            .map(w -> String.valueOf(ChronoUnit.DAYS.between(start, w.startsOn())))
            .collect(Collectors.joining(","));
        String lengths = c.phases()
            .stream()
            .map(w -> String
                .valueOf(ChronoUnit.DAYS.between(w.startsOn(), w.endsOn() == null ? finalEnd : w.endsOn()) + 1))
            .collect(Collectors.joining(","));
        return new Timeline(c, phases, starts, lengths, ChronoUnit.DAYS.between(start, today),
                ChronoUnit.DAYS.between(start, finalEnd) + 1);
    }

}

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

    DashboardController(Campaigns campaigns, OrgUnits units, ReportFigures figures, FigureLists lists,
            MessageSource messages, Reports reports, Trainings trainings) {
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
    String list(@RequestParam String figure, @RequestParam(required = false) UUID unit, Model model, Locale locale) {
        if (figure.length() > 80) {
            throw new NotFoundException("figure");
        }
        DataScope scope = units.currentScope();
        LocalDate today = campaigns.today();
        FigureLists.Result result = lists.list(figure, lists.units(scope, unit), FROM_START, today, today,
                CurrentUser.require());
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
     * One column of the side-by-side view: a county, its figures and its breakdowns
     * (category, source, channel).
     */
    record Column(OrgUnit unit, List<Figure> figures, List<ReportFigures.Breakdown> breakdowns) {
    }

    /** One unit's training attendance on the dashboard. */
    record Attendance(String unit, Trainings.UnitRate rate) {
    }

    /** A campaign's phases as offsets in days from its start, for the timeline chart. */
    record Timeline(Campaign campaign, String phases, String starts, String lengths, long today, long total) {
    }

    @GetMapping("/dashboard")
    String dashboard(Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAllAttributes(model());
        // The home page loads the dashboard as its main content with htmx: then only the
        // fragment.
        return htmx != null ? "reporting/dashboard :: content" : "reporting/dashboard";
    }

    /** The dashboard's model, also used by the home page. */
    java.util.Map<String, Object> model() {
        DataScope scope = units.currentScope();
        LocalDate today = campaigns.today();
        java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
        List<Campaign> visible = campaigns.list(scope);
        model.put("today", today);
        model.put("timelines",
                visible.stream().filter(c -> !c.phases().isEmpty()).map(c -> timeline(c, today)).toList());
        LocalDate from = FROM_START;
        List<Figure> own = figures.compute(scope.unitArray(), from, today, today);
        model.put("figures", own);
        Map<UUID, String> names = units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
        model.put("breakdowns", figures.dashboardBreakdowns(scope.unitArray(), from, today, names));
        // 学习教育: attendance of the held training sessions, per unit of the scope, in tree
        // order.
        Map<UUID, Trainings.UnitRate> rates = trainings.rates(scope)
            .stream()
            .collect(Collectors.toMap(Trainings.UnitRate::unitId, r -> r));
        model.put("attendance",
                units.all()
                    .stream()
                    .filter(u -> rates.containsKey(u.id()))
                    .map(u -> new Attendance(u.name(), rates.get(u.id())))
                    .toList());
        List<OrgUnit> counties = units.all()
            .stream()
            .filter(u -> u.kind() == UnitKind.COUNTY_BUREAU && scope.includes(u.id()))
            .toList();
        List<Column> columns = new ArrayList<>();
        if (counties.size() > 1) {
            for (OrgUnit county : counties) {
                UUID[] below = units.all()
                    .stream()
                    .filter(county::contains)
                    .map(OrgUnit::id)
                    .filter(scope::includes)
                    .toArray(UUID[]::new);
                columns.add(new Column(county, figures.compute(below, from, today, today),
                        figures.breakdowns(below, from, today)));
            }
        }
        model.put("columns", columns);
        model.put("ranks", ranks(columns));
        model.put("lateReports", columns.stream()
            .collect(Collectors.toMap(c -> c.unit().id(), c -> reports.lateMonthlyReports(c.unit(), today))));
        model.put("countyNames", columns.stream().map(c -> c.unit().name()).collect(Collectors.joining("|")));
        return model;
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

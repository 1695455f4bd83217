package org.duban.reporting;

import org.duban.campaign.Campaign;
import org.duban.campaign.Campaigns;
import org.duban.campaign.PhaseWindow;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The campaign's dashboard: the phase timeline with today marked and the goal figures of the user's scope; for a
 * city bureau the same figures per county side by side. Chart data travel in data-* attributes (the CSP allows
 * no inline script); static/js/reporting.js draws them with ECharts.
 */
@Controller
class DashboardController {

    private final Campaigns campaigns;
    private final OrgUnits units;
    private final ReportFigures figures;
    private final FigureLists lists;

    DashboardController(Campaigns campaigns, OrgUnits units, ReportFigures figures, FigureLists lists) {
        this.campaigns = campaigns;
        this.units = units;
        this.figures = figures;
        this.lists = lists;
    }

    /** The rows behind one figure: the whole scope, or one county (unit) of it. */
    @GetMapping("/dashboard/list")
    String list(@org.springframework.web.bind.annotation.RequestParam String figure,
                @org.springframework.web.bind.annotation.RequestParam(required = false) UUID unit, Model model) {
        if (figure.length() > 60) {
            throw new IllegalArgumentException("figure");
        }
        DataScope scope = units.currentScope();
        LocalDate today = campaigns.today();
        model.addAttribute("result", lists.list(figure, lists.units(scope, unit), FROM_START, today, today));
        model.addAttribute("unitName", unit == null ? null : units.find(unit).map(OrgUnit::name).orElse(null));
        model.addAttribute("limit", FigureLists.LIMIT);
        return "reporting/figure-list";
    }

    /** The dashboard counts everything since the campaign began. */
    static final LocalDate FROM_START = LocalDate.of(2000, 1, 1);

    /** One column of the side-by-side view: a county and its figures. */
    record Column(OrgUnit unit, List<Figure> figures) {
    }

    /** A campaign's phases as offsets in days from its start, for the timeline chart. */
    record Timeline(Campaign campaign, String phases, String starts, String lengths, long today, long total) {
    }

    @GetMapping("/dashboard")
    String dashboard(Model model, @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request",
            required = false) String htmx) {
        model.addAllAttributes(model());
        // The home page loads the dashboard as its main content with htmx: then only the fragment.
        return htmx != null ? "reporting/dashboard :: content" : "reporting/dashboard";
    }

    /** The dashboard's model, also used by the home page. */
    java.util.Map<String, Object> model() {
        DataScope scope = units.currentScope();
        LocalDate today = campaigns.today();
        java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
        List<Campaign> visible = campaigns.list(scope);
        model.put("today", today);
        model.put("figureLinks", ReportFigures.LINKS);
        model.put("timelines", visible.stream().filter(c -> !c.phases().isEmpty()).map(c -> timeline(c, today)).toList());
        LocalDate from = FROM_START;
        List<Figure> own = figures.compute(scope.unitArray(), from, today, today);
        model.put("figures", own);
        model.put("breakdowns", figures.breakdowns(scope.unitArray(), from, today));
        List<OrgUnit> counties = units.all().stream()
                .filter(u -> u.kind() == UnitKind.COUNTY_BUREAU && scope.includes(u.id())).toList();
        List<Column> columns = new ArrayList<>();
        if (counties.size() > 1) {
            for (OrgUnit county : counties) {
                UUID[] below = units.all().stream().filter(county::contains).map(OrgUnit::id)
                        .filter(scope::includes).toArray(UUID[]::new);
                columns.add(new Column(county, figures.compute(below, from, today, today)));
            }
        }
        model.put("columns", columns);
        model.put("countyNames", columns.stream().map(c -> c.unit().name()).collect(Collectors.joining("|")));
        return model;
    }

    private static Timeline timeline(Campaign c, LocalDate today) {
        LocalDate start = c.phases().get(0).startsOn();
        PhaseWindow last = c.phases().get(c.phases().size() - 1);
        LocalDate end = last.endsOn() != null ? last.endsOn()
                : (c.endsOn() != null && c.endsOn().isAfter(last.startsOn()) ? c.endsOn() : last.startsOn().plusMonths(3));
        if (today.isAfter(end)) {
            end = today;
        }
        LocalDate finalEnd = end;
        String phases = c.phases().stream().map(w -> w.phase().name()).collect(Collectors.joining("|"));
        String starts = c.phases().stream().map(w -> String.valueOf(ChronoUnit.DAYS.between(start, w.startsOn())))
                .collect(Collectors.joining(","));
        String lengths = c.phases().stream().map(w -> String.valueOf(ChronoUnit.DAYS.between(w.startsOn(),
                w.endsOn() == null ? finalEnd : w.endsOn()) + 1)).collect(Collectors.joining(","));
        return new Timeline(c, phases, starts, lengths, ChronoUnit.DAYS.between(start, today),
                ChronoUnit.DAYS.between(start, finalEnd) + 1);
    }

}

package org.duban.inspection;

import org.duban.shared.Flash;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.duban.campaign.Campaigns;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.organization.UnitKind;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.duban.shared.BureauClock;
import org.duban.shared.ListExport;
import org.duban.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

@Controller
class DrawController {

    private final RandomDraws draws;

    private final Inspections inspections;

    private final Conflicts conflicts;

    private final OrgUnits units;

    private final StaffDirectory staff;

    private final Campaigns campaigns;

    private final ListExport export;

    private final BureauClock clock;

    static final List<String> EXPORT_HEADERS = List.of("draw.field.title", "draw.field.targetType",
            "draw.field.targetCount", "draw.field.committedAt", "draw.field.status", "draw.field.drawnAt",
            "draw.field.published");

    DrawController(RandomDraws draws, Inspections inspections, Conflicts conflicts, OrgUnits units,
            StaffDirectory staff, Campaigns campaigns, ListExport export, BureauClock clock) {
        this.export = export;
        this.clock = clock;
        this.draws = draws;
        this.inspections = inspections;
        this.conflicts = conflicts;
        this.units = units;
        this.staff = staff;
        this.campaigns = campaigns;
    }

    @GetMapping("/draws")
    String list(@ModelAttribute("filter") RandomDraws.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        PageOf<RandomDraw> found = draws.search(units.currentScope(), filter, PageOf.number(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("draws", found.items());
        model.addAttribute("targetTypes", RandomDraws.TARGET_TYPES);
        model.addAttribute("states", List.of("committed", "drawn"));
        model.addAttribute("publishedChoices", List.of("yes", "no"));
        return "inspection/draws";
    }

    /**
     * The draws of the page's filters as a spreadsheet, times in the bureau's zone; no
     * seed (a committed one is secret until the draw).
     */
    @GetMapping("/draws/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") RandomDraws.Filter filter, Locale locale) {
        List<List<Object>> rows = draws.search(units.currentScope(), filter, 1, ListExport.LIMIT)
            .items()
            .stream()
            .map(d -> Arrays.<Object>asList(d.title(), export.label("draw.targetType." + d.targetType(), locale),
                    d.targetCount(), clock.minutes(d.committedAt()),
                    export.label(d.drawn() ? "draw.status.drawn" : "draw.status.committed", locale),
                    clock.minutes(d.drawnAt()),
                    export.label(d.published() ? "draw.published.yes" : "draw.published.no", locale)))
            .toList();
        return export.xlsx("draw.list.title", EXPORT_HEADERS, rows, locale);
    }

    @GetMapping("/draws/new")
    String createForm(Model model) {
        UUID own = CurrentUser.require().unitId();
        OrgUnit bureau = units.bureauOf(units.find(own).orElseThrow());
        UUID campaign = campaigns.list(units.currentScope()).stream().findFirst().map(c -> c.id()).orElse(null);
        model.addAttribute("form", new DrawForm("", campaign, DrawForm.TargetType.STAFF, bureau.id(), UnitKind.SQUAD,
                bureau.id(), 3, 2, DrawForm.SeedMode.COMMITTED, ""));
        return formView(model);
    }

    @PostMapping("/draws")
    String create(@Valid @ModelAttribute("form") DrawForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return formView(model);
        }
        try {
            UUID id = draws.commit(form, units.currentScope());
            redirect.addFlashAttribute("flash", "draw.flash.committed");
            return "redirect:/draws/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return formView(model);
        }
    }

    @GetMapping("/draws/{id}")
    String show(@PathVariable UUID id, Model model) {
        DataScope scope = units.currentScope();
        RandomDraw draw = draws.get(id, scope);
        model.addAttribute("draw", draw);
        model.addAttribute("snapshot", draws.snapshot(id));
        model.addAttribute("verification", draws.verify(draw));
        model.addAttribute("inspections", inspections.ofDraw(id, scope));
        model.addAttribute("campaigns", campaigns.list(scope));
        model.addAttribute("today", inspections.today());
        model.addAttribute("unitNames", unitNames());
        return "inspection/draw";
    }

    @GetMapping("/draws/{id}/snapshot.csv")
    void snapshot(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        RandomDraw draw = draws.get(id, units.currentScope());
        PublicDrawController.writeSnapshot(draws.snapshot(draw.id()), draw, response);
    }

    @PostMapping("/draws/{id}/draw")
    String draw(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String publicValue,
            RedirectAttributes redirect) {
        try {
            draws.draw(id, version, publicValue, units.currentScope());
            redirect.addFlashAttribute("flash", "draw.flash.drawn");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/draws/" + id;
    }

    @PostMapping("/draws/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        draws.publish(id, version, units.currentScope());
        redirect.addFlashAttribute("flash", "draw.flash.published");
        return "redirect:/draws/" + id;
    }

    @PostMapping("/draws/{id}/inspection")
    String createInspection(@PathVariable UUID id, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
            RedirectAttributes redirect) {
        try {
            UUID inspection = inspections.createFromDraw(id, campaignId, plannedOn, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/inspections/" + inspection;
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
            return "redirect:/draws/" + id;
        }
    }

    @GetMapping("/draws/conflicts")
    String conflicts(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("conflicts", conflicts.list(scope));
        model.addAttribute("staffOptions", staff.list(scope, null));
        model.addAttribute("unitOptions", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        return "inspection/conflicts";
    }

    @PostMapping("/draws/conflicts")
    String declare(@RequestParam UUID staffId, @RequestParam String subjectType, @RequestParam String subjectId,
            @RequestParam String reason, RedirectAttributes redirect) {
        try {
            conflicts.declare(staffId, subjectType, subjectId, reason, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/draws/conflicts";
    }

    private String formView(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("unitOptions", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("unitKinds", UnitKind.values());
        model.addAttribute("targetTypes", DrawForm.TargetType.values());
        model.addAttribute("seedModes", DrawForm.SeedMode.values());
        model.addAttribute("campaigns", campaigns.list(scope));
        return "inspection/draw-form";
    }

    private Map<String, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(u -> u.id().toString(), OrgUnit::name, (a, b) -> a));
    }

}

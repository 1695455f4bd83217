package org.duban.suggestion;

import jakarta.validation.Valid;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The suggestion box: write, read (own, or the scope's for readers), answer. */
@Controller
class SuggestionController {

    private final Suggestions suggestions;

    private final OrgUnits units;

    private final ListExport export;

    private final BureauClock clock;

    static final List<String> EXPORT_HEADERS = List.of("suggestion.field.submittedOn", "suggestion.field.topic",
            "suggestion.field.text", "suggestion.field.unit", "suggestion.field.author", "suggestion.field.status",
            "suggestion.field.answer");

    SuggestionController(Suggestions suggestions, OrgUnits units, ListExport export, BureauClock clock) {
        this.suggestions = suggestions;
        this.units = units;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/suggestions")
    String list(@ModelAttribute("filter") Suggestions.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        boolean reader = CurrentUser.require().can(SuggestionRoutes.READ);
        PageOf<Suggestion> found = suggestions.search(units.currentScope(), reader, filter, PageOf.number(page),
                PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("suggestions", found.items());
        model.addAttribute("topics", SuggestionTopic.values());
        model.addAttribute("statuses", SuggestionStatus.values());
        model.addAttribute("reader", reader);
        model.addAttribute("unitNames", unitNames());
        return "suggestion/list";
    }

    /**
     * The register of a reader's scope as a spreadsheet, with the page's filters; an
     * anonymous suggestion's author stays 匿名, as on the page.
     */
    @GetMapping("/suggestions/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") Suggestions.Filter filter, Locale locale) {
        Map<UUID, String> unitNames = unitNames();
        List<List<Object>> rows = suggestions.search(units.currentScope(), true, filter, 1, ListExport.LIMIT)
            .items()
            .stream()
            .map(s -> Arrays.<Object>asList(clock.local(s.createdAt()).toLocalDate(),
                    export.label("suggestion.topic." + s.topic(), locale), s.text(), unitNames.get(s.unitId()),
                    s.anonymous() ? export.label("suggestion.anonymous", locale) : s.authorName(),
                    export.label("suggestion.status." + s.status(), locale), s.answer()))
            .toList();
        return export.xlsx("suggestion.list.title", EXPORT_HEADERS, rows, locale);
    }

    @GetMapping("/suggestions/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("suggestion",
                suggestions.get(id, units.currentScope(), CurrentUser.require().can(SuggestionRoutes.READ)));
        model.addAttribute("unitNames", unitNames());
        return "suggestion/show";
    }

    @GetMapping("/suggestions/new")
    String form(Model model) {
        model.addAttribute("form", new SuggestionForm(SuggestionTopic.ENFORCEMENT_RULES, null, false));
        model.addAttribute("topics", SuggestionTopic.values());
        return "suggestion/form";
    }

    @PostMapping("/suggestions")
    String submit(@Valid @ModelAttribute("form") SuggestionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("topics", SuggestionTopic.values());
            return "suggestion/form";
        }
        suggestions.submit(form);
        redirect.addFlashAttribute("flash",
                form.anonymousOrNot() ? "suggestion.submitted.anonymous" : "suggestion.submitted");
        return "redirect:/suggestions";
    }

    @PostMapping("/suggestions/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String answer,
            RedirectAttributes redirect) {
        try {
            suggestions.answer(id, version, answer, units.currentScope());
            redirect.addFlashAttribute("flash", "suggestion.answered");
        }
        catch (BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute("refusalArgs", refusal.args());
        }
        return "redirect:/suggestions/" + id;
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

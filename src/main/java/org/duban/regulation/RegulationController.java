package org.duban.regulation;

import org.duban.shared.PageOf;
import jakarta.validation.Valid;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The register of rules: list, draft, edit, issue. */
@Controller
class RegulationController {

    private final Regulations regulations;

    private final OrgUnits units;

    RegulationController(Regulations regulations, OrgUnits units) {
        this.regulations = regulations;
        this.units = units;
    }

    @GetMapping("/regulations")
    String list(@ModelAttribute("filter") Regulations.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        PageOf<Regulation> found = regulations.search(units.currentScope(), filter, PageOf.number(page),
                PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("regulations", found.items());
        model.addAttribute("kinds", RegulationKind.values());
        model.addAttribute("statuses", RegulationStatus.values());
        model.addAttribute("unitNames", unitNames());
        return "regulation/list";
    }

    @GetMapping("/regulations/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("regulation", regulations.get(id, units.currentScope()));
        model.addAttribute("benchmark", regulations.benchmarkLabels());
        model.addAttribute("unitNames", unitNames());
        return "regulation/show";
    }

    @GetMapping("/regulations/new")
    String createForm(Model model) {
        model.addAttribute("form",
                new RegulationForm(null, RegulationKind.NEW, null, null, null, null, List.of(), null));
        return formView(model, null);
    }

    @PostMapping("/regulations")
    String create(@Valid @ModelAttribute("form") RegulationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = regulations.create(form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/regulations/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return formView(model, null);
    }

    @GetMapping("/regulations/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", RegulationForm.of(regulations.get(id, units.currentScope())));
        return formView(model, id);
    }

    @PostMapping("/regulations/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") RegulationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                regulations.update(id, form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/regulations/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return formView(model, id);
    }

    @PostMapping("/regulations/{id}/issue")
    String issue(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            RedirectAttributes redirect) {
        try {
            regulations.issue(id, version, documentNumber, issuedOn, units.currentScope());
            redirect.addFlashAttribute("flash", "regulation.issued");
        }
        catch (BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute("refusalArgs", refusal.args());
        }
        return "redirect:/regulations/" + id;
    }

    private String formView(Model model, UUID id) {
        DataScope scope = units.currentScope();
        model.addAttribute("regulationId", id);
        model.addAttribute("kinds", RegulationKind.values());
        model.addAttribute("benchmark", regulations.benchmarkLabels());
        model.addAttribute("scopeUnits", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        return "regulation/form";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

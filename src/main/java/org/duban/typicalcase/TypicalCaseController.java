package org.duban.typicalcase;

import org.duban.shared.PageOf;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.reporting.Circulars;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Typical cases: register, approve, publish or withdraw, circulate as a 通报; the
 * anonymised public list.
 */
@Controller
class TypicalCaseController {

    private final TypicalCases cases;

    private final OrgUnits units;

    private final Circulars circulars;

    private final MessageSource messages;

    private final Clock clock;

    TypicalCaseController(TypicalCases cases, OrgUnits units, Circulars circulars, MessageSource messages,
            Clock clock) {
        this.cases = cases;
        this.units = units;
        this.circulars = circulars;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/public/typical-cases")
    String published(Model model) {
        model.addAttribute("cases", cases.published());
        return "typicalcase/public";
    }

    @GetMapping("/typical-cases")
    String list(@ModelAttribute("filter") TypicalCases.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        PageOf<TypicalCase> found = cases.search(units.currentScope(), filter, PageOf.number(page),
                PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("cases", found.items());
        model.addAttribute("kinds", TypicalCaseKind.values());
        model.addAttribute("statuses", TypicalCaseStatus.values());
        model.addAttribute("unitNames", unitNames());
        return "typicalcase/list";
    }

    @GetMapping("/typical-cases/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("item", cases.get(id, units.currentScope()));
        model.addAttribute("unitNames", unitNames());
        return "typicalcase/show";
    }

    @GetMapping("/typical-cases/new")
    String createForm(@RequestParam(required = false) String problem, Model model) {
        model.addAttribute("form", new TypicalCaseForm(problem, TypicalCaseKind.POSITIVE, TypicalCaseSource.PROBLEM,
                null, null, null, null, null, null));
        return formView(model, null);
    }

    @PostMapping("/typical-cases")
    String create(@Valid @ModelAttribute("form") TypicalCaseForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = cases.create(form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/typical-cases/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return formView(model, null);
    }

    @GetMapping("/typical-cases/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", TypicalCaseForm.of(cases.get(id, units.currentScope())));
        return formView(model, id);
    }

    @PostMapping("/typical-cases/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") TypicalCaseForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                cases.update(id, form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/typical-cases/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return formView(model, id);
    }

    @PostMapping("/typical-cases/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "typicalcase.approved", () -> cases.approve(id, version, units.currentScope()));
    }

    @PostMapping("/typical-cases/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "typicalcase.published", () -> cases.publish(id, version, units.currentScope()));
    }

    @PostMapping("/typical-cases/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "typicalcase.withdrawn", () -> cases.withdraw(id, version, units.currentScope()));
    }

    /**
     * 通报: the internal account (names included: it circulates inside the system), in GB/T
     * 9704 layout.
     */
    @GetMapping("/typical-cases/{id}/circular.docx")
    void circular(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        TypicalCase c = cases.get(id, units.currentScope());
        OrgUnit own = units.find(CurrentUser.require().unitId()).orElseThrow();
        OrgUnit bureau = units.bureauOf(own);
        String title = m("typicalcase.circular.title." + c.kind(), c.title());
        List<Circulars.Section> sections = List.of(
                new Circulars.Section(m("typicalcase.circular.heading.facts"), c.summary()),
                new Circulars.Section(m("typicalcase.circular.heading.lessons." + c.kind()), c.lessons()),
                new Circulars.Section(m("typicalcase.circular.heading.requirements"),
                        m("typicalcase.circular.requirements." + c.kind())));
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(title + ".docx", StandardCharsets.UTF_8).build().toString());
        circulars.write(new Circulars.Circular(bureau.name(), null, title, m("typicalcase.circular.addressee"),
                sections, LocalDate.now(clock)), response.getOutputStream());
    }

    private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        }
        catch (BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute("refusalArgs", refusal.args());
        }
        return "redirect:/typical-cases/" + id;
    }

    private String formView(Model model, UUID id) {
        model.addAttribute("caseId", id);
        model.addAttribute("kinds", TypicalCaseKind.values());
        model.addAttribute("sources", TypicalCaseSource.values());
        return "typicalcase/form";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

}

package org.duban.training;

import org.duban.shared.PageOf;
import jakarta.validation.Valid;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Training sessions: list with attendance rates per unit, plan, record attendance (page
 * or sign-in sheet).
 */
@Controller
class TrainingController {

    private final Trainings trainings;

    private final OrgUnits units;

    TrainingController(Trainings trainings, OrgUnits units) {
        this.trainings = trainings;
        this.units = units;
    }

    @GetMapping("/trainings")
    String list(@ModelAttribute("filter") Trainings.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        DataScope scope = units.currentScope();
        PageOf<TrainingSession> found = trainings.search(scope, filter, PageOf.number(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("sessions", found.items());
        model.addAttribute("statuses", TrainingStatus.values());
        model.addAttribute("rates", trainings.rates(scope));
        model.addAttribute("unitNames", unitNames());
        return "training/list";
    }

    @GetMapping("/trainings/{id}")
    String show(@PathVariable UUID id, Model model) {
        DataScope scope = units.currentScope();
        TrainingSession session = trainings.get(id, scope);
        model.addAttribute("training", session);
        model.addAttribute("attendees", trainings.attendees(session, scope));
        model.addAttribute("unitNames", unitNames());
        return "training/show";
    }

    @GetMapping("/trainings/new")
    String createForm(Model model) {
        model.addAttribute("form", new TrainingForm(null, null, null, null, null, List.of(), null));
        return formView(model);
    }

    @PostMapping("/trainings")
    String create(@Valid @ModelAttribute("form") TrainingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = trainings.create(form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/trainings/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return formView(model);
    }

    @PostMapping("/trainings/{id}/attendance")
    String attendance(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(name = "present", required = false) List<UUID> present, RedirectAttributes redirect) {
        try {
            trainings.recordAttendance(id, version, present == null ? List.of() : present, "PAGE",
                    units.currentScope());
            redirect.addFlashAttribute("flash", "training.attendance.saved");
        }
        catch (BusinessRuleViolation refusal) {
            refused(redirect, refusal);
        }
        return "redirect:/trainings/" + id;
    }

    @PostMapping("/trainings/{id}/sign-in-sheet")
    String sheet(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new BusinessRuleViolation("training.sheet.empty");
            }
            Trainings.SheetResult result = trainings.importSheet(id, version, file.getInputStream(),
                    units.currentScope());
            redirect.addFlashAttribute("flash", "training.sheet.imported");
            redirect.addFlashAttribute("sheet", result);
        }
        catch (BusinessRuleViolation refusal) {
            refused(redirect, refusal);
        }
        return "redirect:/trainings/" + id;
    }

    @PostMapping("/trainings/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            trainings.cancel(id, version, units.currentScope());
            redirect.addFlashAttribute("flash", "training.cancelled");
        }
        catch (BusinessRuleViolation refusal) {
            refused(redirect, refusal);
        }
        return "redirect:/trainings/" + id;
    }

    private static void refused(RedirectAttributes redirect, BusinessRuleViolation refusal) {
        redirect.addFlashAttribute("refusal", refusal.messageKey());
        redirect.addFlashAttribute("refusalArgs", refusal.args());
    }

    private String formView(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("scopeUnits", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        return "training/form";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

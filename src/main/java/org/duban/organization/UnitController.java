package org.duban.organization;

import jakarta.validation.Valid;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The org-unit tree: list indented by depth, create a child, edit name, kind and sort.
 */
@Controller
class UnitController {

    private final OrgUnits units;

    UnitController(OrgUnits units) {
        this.units = units;
    }

    @GetMapping("/admin/units")
    String list(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("units", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        return "organization/units";
    }

    @GetMapping("/admin/units/new")
    String createForm(@RequestParam UUID parent, Model model) {
        requireVisible(parent);
        model.addAttribute("form", UnitForm.child(parent));
        return editView(model, null);
    }

    @PostMapping("/admin/units")
    String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                units.createChild(form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/units";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showAt(errors, "code");
            }
        }
        return editView(model, null);
    }

    @GetMapping("/admin/units/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", UnitForm.of(requireVisible(id)));
        return editView(model, id);
    }

    @PostMapping("/admin/units/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        OrgUnit unit = requireVisible(id);
        if (errors.hasErrors()) {
            return editView(model, unit.id());
        }
        units.update(id, form, units.currentScope());
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/admin/units";
    }

    private OrgUnit requireVisible(UUID id) {
        DataScope scope = units.currentScope();
        return units.find(id)
            .filter(u -> scope.includes(u.id()))
            .orElseThrow(() -> new NotFoundException("unit " + id));
    }

    private String editView(Model model, UUID id) {
        UnitForm form = (UnitForm) model.getAttribute("form");
        model.addAttribute("unitId", id);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("parent",
                form == null || form.parentId() == null ? null : units.find(form.parentId()).orElse(null));
        return "organization/unit-edit";
    }

}

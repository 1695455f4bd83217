package org.duban.organization;

import jakarta.validation.Valid;
import org.duban.security.ScopeKind;
import org.duban.shared.BusinessRuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Roles with their scope and permission codes: administrators edit them, auditors read
 * them.
 */
@Controller
class RoleController {

    private final Roles roles;

    RoleController(Roles roles) {
        this.roles = roles;
    }

    @GetMapping("/admin/roles")
    String list(Model model) {
        model.addAttribute("roles", roles.list());
        return "organization/roles";
    }

    @GetMapping("/admin/roles/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        model.addAttribute("form", RoleForm.of(roles.get(code)));
        return editView(model, code);
    }

    @PostMapping("/admin/roles/{code}")
    String update(@PathVariable String code, @Valid @ModelAttribute("form") RoleForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        roles.get(code);
        if (!errors.hasErrors()) {
            try {
                roles.update(code, form);
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/roles";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showAt(errors, "permissions");
            }
        }
        return editView(model, code);
    }

    private String editView(Model model, String code) {
        model.addAttribute("code", code);
        model.addAttribute("scopes", ScopeKind.values());
        Map<String, List<String>> byModule = roles.permissionCodes()
            .stream()
            .collect(Collectors.groupingBy(p -> p.substring(0, p.indexOf(':')), TreeMap::new, Collectors.toList()));
        model.addAttribute("permissionsByModule", byModule);
        return "organization/role-edit";
    }

}

package org.duban.campaign;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The bureau's public notice (通告) as its work team writes it: always the notice of the
 * signed-in user's own bureau, so no bureau id travels in the request; the intake unit is
 * checked against the bureau and the scope.
 */
@Controller
class PublicNoticeController {

    private final PublicNotices notices;

    private final OrgUnits units;

    PublicNoticeController(PublicNotices notices, OrgUnits units) {
        this.notices = notices;
        this.units = units;
    }

    @GetMapping("/campaigns/public-notice")
    String form(Model model) {
        OrgUnit bureau = notices.bureauOfCurrentUser();
        model.addAttribute("form",
                notices.notice(bureau.id())
                    .map(PublicNoticeForm::of)
                    .orElse(new PublicNoticeForm(bureau.id(), "", "", null, "", "", "", "", "", null)));
        return view(bureau, model);
    }

    @PostMapping("/campaigns/public-notice")
    String save(@Valid @ModelAttribute("form") PublicNoticeForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        OrgUnit bureau = notices.bureauOfCurrentUser();
        if (!errors.hasErrors()) {
            try {
                notices.save(bureau.id(), form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/campaigns/public-notice";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showAt(errors, "intakeUnitId");
            }
        }
        response.setStatus(400);
        return view(bureau, model);
    }

    private String view(OrgUnit bureau, Model model) {
        DataScope scope = units.currentScope();
        // Units of this bureau only: not a county's units for the city, never another
        // county's.
        List<OrgUnit> intake = units.all()
            .stream()
            .filter(u -> scope.includes(u.id()) && bureau.contains(u) && units.bureauOf(u).id().equals(bureau.id()))
            .toList();
        model.addAttribute("bureau", bureau);
        model.addAttribute("intakeUnits", intake);
        return "campaign/public-notice";
    }

}

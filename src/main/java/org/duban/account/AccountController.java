package org.duban.account;

import jakarta.validation.Valid;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in staff member's own account: their second factor (enrol, new recovery
 * codes, give it up). Every action acts on the signed-in account only; no id is taken
 * from the request.
 */
@Controller
class AccountController {

    private final SecondFactors factors;

    AccountController(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping("/account")
    String show(Model model) {
        SecondFactors.Status status = factors.status(CurrentUser.require().staffId());
        model.addAttribute("form", CodeForm.empty(status.version()));
        return show(model, status);
    }

    private String show(Model model, SecondFactors.Status status) {
        DubanUser me = CurrentUser.require();
        model.addAttribute("status", status);
        model.addAttribute("required", me.hasRole(SecondFactors.ADMINISTRATOR));
        return "account/show";
    }

    @GetMapping("/account/second-factor/enrol")
    String enrolPage(Model model, RedirectAttributes redirect) {
        DubanUser me = CurrentUser.require();
        try {
            SecondFactors.Enrolment enrolment = factors.startEnrolment(me.staffId(), me.getUsername());
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("form", CodeForm.empty(enrolment.version()));
            return "account/enrol";
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
            return "redirect:/account";
        }
    }

    @PostMapping("/account/second-factor/enrol")
    String enrol(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, Model model) {
        DubanUser me = CurrentUser.require();
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("codes", factors.confirmEnrolment(me.staffId(), form.code(), form.versionOrZero()));
                model.addAttribute("next", "/account");
                return "account/recovery-codes";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showAt(errors, "code");
            }
        }
        try {
            model.addAttribute("enrolment", factors.startEnrolment(me.staffId(), me.getUsername()));
            return "account/enrol";
        }
        catch (BusinessRuleViolation refusal) {
            // Enrolled meanwhile (another tab): the account page says so.
            return "redirect:/account";
        }
    }

    @PostMapping("/account/second-factor/recovery-codes")
    String regenerate(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, Model model) {
        DubanUser me = CurrentUser.require();
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("codes",
                        factors.regenerateRecoveryCodes(me.staffId(), form.code(), form.versionOrZero()));
                model.addAttribute("next", "/account");
                return "account/recovery-codes";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showAt(errors, "code");
            }
        }
        return show(model, factors.status(me.staffId()));
    }

    @PostMapping("/account/second-factor/disable")
    String disable(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        DubanUser me = CurrentUser.require();
        if (!errors.hasErrors()) {
            try {
                factors.disable(me, form.code(), form.versionOrZero());
                Flash.done(redirect, "account.secondFactor.disabled");
                return "redirect:/account";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showAt(errors, "code");
            }
        }
        return show(model, factors.status(me.staffId()));
    }

}

package org.duban.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.duban.security.PendingSignIn;
import org.duban.security.SecondStep;
import org.duban.security.SignIn;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;

/**
 * The second step of signing in, after a correct password: a code from the app (or a
 * recovery code), or — for an administrator without a factor — enrolment first. Without a
 * pending sign-in in the session these pages send the visitor back to the password.
 */
@Controller
class SecondStepController {

    private final SignIn signIn;

    private final SecondFactors factors;

    SecondStepController(SignIn signIn, SecondFactors factors) {
        this.signIn = signIn;
        this.factors = factors;
    }

    @GetMapping("/login/second-factor")
    String codePage(HttpServletRequest request, Model model) {
        Optional<PendingSignIn> pending = signIn.pending(request);
        if (pending.isEmpty() || pending.get().step() != SecondStep.CODE) {
            return elsewhere(pending);
        }
        model.addAttribute("form", CodeForm.empty(0));
        return "account/login-code";
    }

    @PostMapping("/login/second-factor")
    String code(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Optional<PendingSignIn> pending = signIn.pending(request);
        if (pending.isEmpty() || pending.get().step() != SecondStep.CODE) {
            return elsewhere(pending);
        }
        if (errors.hasErrors()) {
            return "account/login-code";
        }
        SecondFactors.SignInResult result = factors.signIn(pending.get(), form.code(), request, response);
        switch (result.outcome()) {
            case SIGNED_IN -> {
                if (result.recoveryCodesLeft() >= 0) {
                    Flash.done(redirect, "account.recovery.used", result.recoveryCodesLeft());
                }
                return "redirect:" + result.target();
            }
            case REPLAYED -> errors.rejectValue("code", "account.code.replayed");
            case WRONG -> errors.rejectValue("code", "account.code.wrong");
            case ACCOUNT_GONE -> {
                return "redirect:/login?error";
            }
        }
        return "account/login-code";
    }

    @GetMapping("/login/enrol")
    String enrolPage(HttpServletRequest request, Model model) {
        Optional<PendingSignIn> pending = signIn.pending(request);
        if (pending.isEmpty() || pending.get().step() != SecondStep.ENROL) {
            return elsewhere(pending);
        }
        SecondFactors.Enrolment enrolment = factors.startEnrolment(pending.get().staffId(), pending.get().login());
        model.addAttribute("form", CodeForm.empty(enrolment.version()));
        model.addAttribute("enrolment", enrolment);
        return "account/login-enrol";
    }

    @PostMapping("/login/enrol")
    String enrol(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<PendingSignIn> pending = signIn.pending(request);
        if (pending.isEmpty() || pending.get().step() != SecondStep.ENROL) {
            return elsewhere(pending);
        }
        if (!errors.hasErrors()) {
            try {
                List<String> codes = factors.confirmEnrolment(pending.get().staffId(), form.code(),
                        form.versionOrZero());
                Optional<String> target = signIn.complete(request, response, pending.get());
                if (target.isEmpty()) {
                    return "redirect:/login?error";
                }
                model.addAttribute("codes", codes);
                model.addAttribute("next", target.get());
                return "account/recovery-codes";
            }
            catch (BusinessRuleViolation refusal) {
                // A wrong code here counts like a wrong password: the password alone must
                // not
                // allow unlimited guesses.
                signIn.failed(request, pending.get());
                refusal.showAt(errors, "code");
            }
        }
        SecondFactors.Enrolment enrolment = factors.startEnrolment(pending.get().staffId(), pending.get().login());
        model.addAttribute("enrolment", enrolment);
        return "account/login-enrol";
    }

    /** No pending sign-in (or it expired): the password first; else the step it needs. */
    private static String elsewhere(Optional<PendingSignIn> pending) {
        if (pending.isEmpty()) {
            return "redirect:/login?expired";
        }
        return pending.get().step() == SecondStep.ENROL ? "redirect:/login/enrol" : "redirect:/login/second-factor";
    }

}

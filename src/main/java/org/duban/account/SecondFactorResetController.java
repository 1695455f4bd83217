package org.duban.account;

import org.duban.organization.OrgUnits;
import org.duban.organization.Staff;
import org.duban.organization.StaffDirectory;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * An administrator removes another staff member's second factor (a lost or replaced
 * phone), from the staff member's edit page.
 */
@Controller
class SecondFactorResetController {

    private final SecondFactors factors;

    private final StaffDirectory staff;

    private final OrgUnits units;

    SecondFactorResetController(SecondFactors factors, StaffDirectory staff, OrgUnits units) {
        this.factors = factors;
        this.staff = staff;
        this.units = units;
    }

    @PostMapping("/admin/staff/{id}/second-factor/reset")
    String reset(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        // Outside the administrator's scope: 404, as for the edit page itself.
        Staff member = staff.get(id, units.currentScope());
        try {
            if (member.id().equals(CurrentUser.require().staffId())) {
                // Resetting one's own factor would leave this very session signed in
                // without
                // it; the account page is the place to change one's own.
                throw new BusinessRuleViolation("account.secondFactor.resetOwn");
            }
            factors.reset(member.id(), member.login(), version == null ? -1 : version);
            Flash.done(redirect, "account.secondFactor.wasReset", member.name());
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/admin/staff/" + id + "/edit";
    }

}

package org.duban.campaign;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.shared.BusinessRuleViolation;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Controller
class CampaignController {

    private final Campaigns campaigns;

    private final OrgUnits units;

    private final StaffDirectory staff;

    private final RosterWorkbook rosterWorkbook;

    CampaignController(Campaigns campaigns, OrgUnits units, StaffDirectory staff, RosterWorkbook rosterWorkbook) {
        this.campaigns = campaigns;
        this.units = units;
        this.staff = staff;
        this.rosterWorkbook = rosterWorkbook;
    }

    @GetMapping("/")
    String home(Model model) {
        DataScope scope = units.currentScope();
        List<Campaign> visible = campaigns.list(scope);
        model.addAttribute("campaigns", visible);
        model.addAttribute("today", campaigns.today());
        return "campaign/home";
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list(units.currentScope()));
        model.addAttribute("today", campaigns.today());
        model.addAttribute("unitNames", unitNames());
        return "campaign/list";
    }

    @GetMapping("/campaigns/{id}")
    String show(@PathVariable UUID id, Model model) {
        DataScope scope = units.currentScope();
        Campaign campaign = campaigns.get(id, scope);
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", campaigns.today());
        model.addAttribute("currentPhase", campaign.currentPhase(campaigns.today()).orElse(null));
        model.addAttribute("groups", campaigns.groups(id));
        model.addAttribute("phases", Phase.values());
        model.addAttribute("positions", MemberPosition.values());
        model.addAttribute("groupKinds", GroupKind.values());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("canEdit", scope.includes(campaign.ownerUnitId()));
        model.addAttribute("staffOptions", staff.list(scope, null));
        if (!model.containsAttribute("phasesForm")) {
            model.addAttribute("phasesForm", PhasesForm.of(campaign));
        }
        return "campaign/show";
    }

    @GetMapping("/campaigns/new")
    String createForm(Model model) {
        model.addAttribute("form",
                new CampaignForm(null, "", "", "", "", null, campaigns.today(), null, "", CampaignStatus.DRAFT, null));
        return editView(model, null);
    }

    @PostMapping("/campaigns")
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editView(model, null);
        }
        try {
            UUID id = campaigns.create(form, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/campaigns/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return editView(model, null);
        }
    }

    @GetMapping("/campaigns/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Campaign campaign = campaigns.getForEdit(id, units.currentScope());
        model.addAttribute("form", CampaignForm.of(campaign));
        return editView(model, id);
    }

    @PostMapping("/campaigns/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editView(model, id);
        }
        try {
            campaigns.update(id, form, units.currentScope());
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return editView(model, id);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/phases")
    String updatePhases(@PathVariable UUID id, @ModelAttribute("phasesForm") PhasesForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                campaigns.updatePhases(id, form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/campaigns/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return show(id, model);
    }

    @PostMapping("/campaigns/{id}/groups")
    String createGroup(@PathVariable UUID id, @RequestParam GroupKind kind, @RequestParam String name,
            @RequestParam(required = false) String duties, RedirectAttributes redirect) {
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("group name");
        }
        campaigns.createGroup(id, kind, name.trim(), duties, campaigns.groups(id).size() + 1, units.currentScope());
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/members")
    String addMember(@PathVariable UUID id, @Valid @ModelAttribute("memberForm") MemberForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("memberErrors", true);
            return show(id, model);
        }
        campaigns.addMember(id, form, units.currentScope());
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/members/{memberId}/delete")
    String removeMember(@PathVariable UUID id, @PathVariable UUID memberId, RedirectAttributes redirect) {
        campaigns.removeMember(id, memberId, units.currentScope());
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/{id}/roster")
    String roster(@PathVariable UUID id, Model model) {
        Campaign campaign = campaigns.get(id, units.currentScope());
        model.addAttribute("campaign", campaign);
        model.addAttribute("groups", campaigns.groups(id));
        return "campaign/roster";
    }

    @GetMapping("/campaigns/{id}/roster.xlsx")
    void rosterXlsx(@PathVariable UUID id, HttpServletResponse response, java.util.Locale locale) throws IOException {
        Campaign campaign = campaigns.get(id, units.currentScope());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment()
                    .filename(rosterWorkbook.fileName(campaign, locale), StandardCharsets.UTF_8)
                    .build()
                    .toString());
        rosterWorkbook.write(campaign, campaigns.groups(id), locale, response.getOutputStream());
    }

    private String editView(Model model, UUID id) {
        DataScope scope = units.currentScope();
        model.addAttribute("campaignId", id);
        model.addAttribute("ownerUnits", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("statuses", CampaignStatus.values());
        return "campaign/edit";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

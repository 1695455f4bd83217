package org.duban.campaign;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.Access;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.security.RouteRules;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Flash;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/** 下发: a bureau's campaign issued to the bureaus one level below, and its children. */
@Controller
class CampaignIssueController {

    static final String ISSUE = "campaign:campaign:issue";

    private final CampaignIssuing issuing;

    private final OrgUnits units;

    CampaignIssueController(CampaignIssuing issuing, OrgUnits units) {
        this.issuing = issuing;
        this.units = units;
    }

    @GetMapping("/campaigns/{id}/issue")
    String page(@PathVariable UUID id, Model model) {
        DubanUser me = CurrentUser.require();
        DataScope scope = units.currentScope();
        model.addAttribute("campaign", issuing.issuable(id, me, scope));
        model.addAttribute("receivers", issuing.receivers(me, scope));
        List<CampaignIssuing.Child> children = issuing.children(id);
        model.addAttribute("children", children);
        model.addAttribute("issued", children.stream().map(CampaignIssuing.Child::unitId).toList());
        return "campaign/issue";
    }

    @PostMapping("/campaigns/{id}/issue")
    String issue(@PathVariable UUID id, @RequestParam(name = "unitIds", required = false) List<UUID> unitIds,
            RedirectAttributes redirect) {
        try {
            List<UUID> children = issuing.issue(id, unitIds, CurrentUser.require(), units.currentScope());
            Flash.done(redirect, "campaign.issue.done", children.size());
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/campaigns/" + id + "/issue";
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouteRules campaignIssueRouteRules() {
            return () -> List.of(get("/campaigns/{id}/issue", Access.permission(ISSUE)),
                    post("/campaigns/{id}/issue", Access.permission(ISSUE)));
        }

    }

}

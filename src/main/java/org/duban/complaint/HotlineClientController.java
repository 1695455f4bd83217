package org.duban.complaint;

import org.duban.organization.OrgUnit;
import org.duban.organization.UnitKind;
import org.duban.organization.OrgUnits;
import org.duban.security.Access;
import org.duban.security.RouteRules;
import org.duban.shared.BusinessRuleViolation;
import org.duban.web.NavItem;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/**
 * The administrator's page of hotline clients: create (key and secret shown once),
 * revoke.
 */
@Controller
class HotlineClientController {

    static final String ADMIN = "complaint:hotline:admin";

    private final HotlineClients hotlines;

    private final OrgUnits units;

    HotlineClientController(HotlineClients hotlines, OrgUnits units) {
        this.hotlines = hotlines;
        this.units = units;
    }

    @GetMapping("/admin/hotline-clients")
    String list(Model model) {
        List<OrgUnit> bureaus = units.all()
            .stream()
            .filter(u -> u.kind() == UnitKind.CITY_BUREAU || u.kind() == UnitKind.COUNTY_BUREAU)
            .toList();
        model.addAttribute("clients", hotlines.list());
        model.addAttribute("bureaus", bureaus);
        model.addAttribute("unitNames",
                units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a)));
        return "complaint/hotline-clients";
    }

    @PostMapping("/admin/hotline-clients")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) UUID bureau,
            @RequestParam(required = false) String callbackUrl, RedirectAttributes redirect) {
        try {
            HotlineClients.Issued issued = hotlines.create(name, bureau, callbackUrl);
            redirect.addFlashAttribute("issued", issued);
        }
        catch (BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute("form",
                    Map.of("name", String.valueOf(name), "callbackUrl", String.valueOf(callbackUrl)));
        }
        return "redirect:/admin/hotline-clients";
    }

    @PostMapping("/admin/hotline-clients/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        hotlines.revoke(id, version);
        redirect.addFlashAttribute("flash", "hotline.revoked");
        return "redirect:/admin/hotline-clients";
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouteRules hotlineRouteRules() {
            return () -> List.of(get("/admin/hotline-clients", Access.permission(ADMIN)),
                    post("/admin/hotline-clients", Access.permission(ADMIN)),
                    post("/admin/hotline-clients/{id}/revoke", Access.permission(ADMIN)));
        }

        @Bean
        NavItem hotlineClientsNav() {
            return new NavItem("nav.hotlineClients", "/admin/hotline-clients", ADMIN, 96);
        }

    }

}

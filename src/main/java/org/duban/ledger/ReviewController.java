package org.duban.ledger;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** 回头看 rounds: plan, add closed problems, record held or relapsed, complete. */
@Controller
class ReviewController {

    private final ReviewRounds rounds;

    private final OrgUnits units;

    ReviewController(ReviewRounds rounds, OrgUnits units) {
        this.rounds = rounds;
        this.units = units;
    }

    @GetMapping("/reviews")
    String list(@ModelAttribute("filter") ReviewRounds.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        DataScope scope = units.currentScope();
        PageOf<ReviewRound> found = rounds.search(scope, filter, PageOf.number(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("rounds", found.items());
        model.addAttribute("statuses", ReviewStatus.values());
        model.addAttribute("scopeUnits", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("unitNames", unitNames());
        return "ledger/review-list";
    }

    @GetMapping("/reviews/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("round", rounds.get(id, units.currentScope()));
        model.addAttribute("results", ReviewResult.values());
        model.addAttribute("unitNames", unitNames());
        return "ledger/review-show";
    }

    @PostMapping("/reviews")
    String plan(@RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
            @RequestParam(required = false) UUID unitId, RedirectAttributes redirect) {
        try {
            UUID id = rounds.plan(title, plannedOn, unitId, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/reviews/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refused(redirect, refusal);
            return "redirect:/reviews";
        }
    }

    @PostMapping("/reviews/{id}/problems")
    String add(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String reference,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> rounds.add(id, version, reference, units.currentScope()));
    }

    @PostMapping("/reviews/{id}/problems/{problemId}")
    String record(@PathVariable UUID id, @PathVariable UUID problemId, @RequestParam long version,
            @RequestParam(required = false) ReviewResult result, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> rounds.record(id, version, problemId, result, note, units.currentScope()));
    }

    @PostMapping("/reviews/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> rounds.complete(id, version, completedOn, units.currentScope()));
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            refused(redirect, refusal);
        }
        return "redirect:/reviews/" + id;
    }

    private static void refused(RedirectAttributes redirect, BusinessRuleViolation refusal) {
        redirect.addFlashAttribute("refusal", refusal.messageKey());
        redirect.addFlashAttribute("refusalArgs", refusal.args());
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

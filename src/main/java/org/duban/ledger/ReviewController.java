package org.duban.ledger;

import jakarta.validation.Valid;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Flash;
import org.duban.shared.ListExport;
import org.duban.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static java.util.Map.entry;

/**
 * 回头看 rounds: plan, add closed problems, record held or relapsed, complete. A refused
 * form comes back on its page with what was typed and the message under the field it
 * concerns; a refusal that belongs to no field shown (the round was completed meanwhile)
 * stands at the top of the page.
 */
@Controller
class ReviewController {

    /** The field each refusal of {@link ReviewRounds} is about. */
    private static final Map<String, String> FIELDS = Map.ofEntries(entry("review.titleRequired", "title"),
            entry("review.dateRequired", "plannedOn"), entry("review.unitOutOfScope", "unitId"),
            entry("review.add.unknownProblem", "reference"), entry("review.add.notClosed", "reference"),
            entry("review.add.duplicate", "reference"), entry("review.record.resultRequired", "result"),
            entry("review.record.noteRequired", "note"), entry("problem.reasonTooLong", "note"),
            entry("review.complete.empty", "completedOn"), entry("review.complete.open", "completedOn"),
            entry("review.complete.date", "completedOn"));

    private final ReviewRounds rounds;

    private final OrgUnits units;

    private final ListExport export;

    static final List<String> EXPORT_HEADERS = List.of("review.field.plannedOn", "review.field.title",
            "review.field.unit", "review.field.problems", "review.result.RELAPSED", "review.field.status",
            "review.field.completedOn", "xlsx.column.reference");

    ReviewController(ReviewRounds rounds, OrgUnits units, ListExport export) {
        this.rounds = rounds;
        this.units = units;
        this.export = export;
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
        if (!model.containsAttribute("reviewPlan")) {
            model.addAttribute("reviewPlan", ReviewPlanForm.empty());
        }
        return "ledger/review-list";
    }

    /**
     * The rounds of the page's filters as a spreadsheet, with the numbers of their
     * problems.
     */
    @GetMapping("/reviews/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") ReviewRounds.Filter filter, Locale locale) {
        Map<UUID, String> unitNames = unitNames();
        List<List<Object>> rows = rounds.search(units.currentScope(), filter, 1, ListExport.LIMIT)
            .items()
            .stream()
            .map(r -> Arrays.<Object>asList(r.plannedOn(), r.title(), unitNames.get(r.unitId()), r.items().size(),
                    r.relapsed(), export.label("review.status." + r.status(), locale), r.completedOn(),
                    r.items().stream().map(ReviewRound.Item::reference).collect(Collectors.joining("、"))))
            .toList();
        return export.xlsx("review.list.title", EXPORT_HEADERS, rows, locale);
    }

    @GetMapping("/reviews/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("round", rounds.get(id, units.currentScope()));
        model.addAttribute("results", ReviewResult.values());
        model.addAttribute("unitNames", unitNames());
        if (!model.containsAttribute("reviewAddition")) {
            model.addAttribute("reviewAddition", ReviewAdditionForm.empty());
        }
        if (!model.containsAttribute("reviewCompletion")) {
            model.addAttribute("reviewCompletion", ReviewCompletionForm.empty());
        }
        return "ledger/review-show";
    }

    @PostMapping("/reviews")
    String plan(@Valid @ModelAttribute("reviewPlan") ReviewPlanForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = rounds.plan(form.title(), form.plannedOn(), form.unitId(), units.currentScope());
                Flash.done(redirect, "flash.saved");
                return "redirect:/reviews/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                showAtField(refusal, errors, model);
            }
        }
        ReviewRounds.Filter filter = new ReviewRounds.Filter(null, null, null);
        model.addAttribute("filter", filter);
        return list(filter, null, model);
    }

    @PostMapping("/reviews/{id}/problems")
    String add(@PathVariable UUID id, @RequestParam long version,
            @Valid @ModelAttribute("reviewAddition") ReviewAdditionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return act(id, errors, model, redirect, () -> rounds.add(id, version, form.reference(), units.currentScope()));
    }

    @PostMapping("/reviews/{id}/problems/{problemId}")
    String record(@PathVariable UUID id, @PathVariable UUID problemId, @RequestParam long version,
            @Valid @ModelAttribute("reviewRecord") ReviewRecordForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        // The page has a result form on each open row; the one sent shows what was typed.
        model.addAttribute("reviewRecordFor", problemId);
        return act(id, errors, model, redirect,
                () -> rounds.record(id, version, problemId, form.result(), form.note(), units.currentScope()));
    }

    @PostMapping("/reviews/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam long version,
            @Valid @ModelAttribute("reviewCompletion") ReviewCompletionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return act(id, errors, model, redirect,
                () -> rounds.complete(id, version, form.completedOn(), units.currentScope()));
    }

    /**
     * Runs a step of the round's page once its form is well formed; a refusal shows the
     * page again.
     */
    private String act(UUID id, BindingResult errors, Model model, RedirectAttributes redirect, Runnable action) {
        if (!errors.hasErrors()) {
            try {
                action.run();
                Flash.done(redirect, "flash.saved");
                return "redirect:/reviews/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                showAtField(refusal, errors, model);
            }
        }
        return show(id, model);
    }

    /**
     * Under the field the refusal is about; at the top of the page when no field of the
     * form sent is (the round completed or the result recorded meanwhile: the form is no
     * longer shown).
     */
    private static void showAtField(BusinessRuleViolation refusal, BindingResult errors, Model model) {
        String field = FIELDS.get(refusal.messageKey());
        if (field == null) {
            Flash.refused(model, refusal);
        }
        else {
            refusal.showAt(errors, field);
        }
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

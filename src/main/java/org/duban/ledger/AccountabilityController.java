package org.duban.ledger;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ListExport;
import org.duban.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Controller
class AccountabilityController {

    private final AccountabilityRecords records;

    private final OrgUnits units;

    private final MessageSource messages;

    private final ListExport export;

    static final List<String> INTERVIEW_HEADERS = List.of("interview.field.heldOn", "interview.field.interviewee",
            "accountability.field.unit", "interview.field.interviewer", "interview.field.reason",
            "xlsx.column.reference", "interview.field.followUp");

    AccountabilityController(AccountabilityRecords records, OrgUnits units, MessageSource messages, ListExport export) {
        this.records = records;
        this.units = units;
        this.messages = messages;
        this.export = export;
    }

    @GetMapping("/accountability")
    String list(@RequestParam(required = false) AccountabilityKind kind, @RequestParam(required = false) UUID unit,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", records.list(kind, unit, q, Math.max(0, page), 25, units.currentScope()));
        model.addAttribute("kinds", AccountabilityKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unit);
        model.addAttribute("q", q);
        model.addAttribute("scopeUnits", scopeUnits());
        model.addAttribute("unitNames", unitNames());
        return "ledger/accountability-list";
    }

    @GetMapping("/accountability/{id}")
    String show(@PathVariable UUID id, Model model) {
        AccountabilityRecords.Entry entry = records.get(id, units.currentScope());
        model.addAttribute("entry", entry);
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision",
                    new AccountabilityForm.DecisionForm(entry.proposedKind(), null, null, null, entry.version()));
        }
        model.addAttribute("kinds", AccountabilityKind.values());
        model.addAttribute("unitNames", unitNames());
        return "ledger/accountability-show";
    }

    /**
     * The leading group decides; a refusal is shown next to the decision form with what
     * was typed.
     */
    @PostMapping("/accountability/{id}/decision")
    String decide(@PathVariable UUID id, @Valid @ModelAttribute("decision") AccountabilityForm.DecisionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                records.decide(id, form, units.currentScope());
                redirect.addFlashAttribute("flash", "accountability.decided");
                return "redirect:/accountability/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return show(id, model);
    }

    @GetMapping("/accountability/new")
    String createForm(@RequestParam(required = false) String problem, Model model) {
        model.addAttribute("form",
                new AccountabilityForm(problem, AccountabilitySubject.PERSON, null, null, null, null));
        return formView(model);
    }

    @GetMapping("/accountability/interviews")
    String interviews(@ModelAttribute("filter") AccountabilityRecords.InterviewFilter filter,
            @RequestParam(required = false) Integer page, Model model) {
        PageOf<AccountabilityRecords.Interview> found = records.interviews(units.currentScope(), filter,
                PageOf.number(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("interviews", found.items());
        model.addAttribute("scopeUnits", scopeUnits());
        model.addAttribute("unitNames", unitNames());
        return "ledger/interview-list";
    }

    /**
     * The 约谈 records of the page's filters as a spreadsheet: the page's query, so the
     * same scope and the same permission (every holder of
     * {@code ledger:accountability:read} may also read confidential clues).
     */
    @GetMapping("/accountability/interviews/export")
    ResponseEntity<byte[]> exportInterviews(@ModelAttribute("filter") AccountabilityRecords.InterviewFilter filter,
            Locale locale) {
        Map<UUID, String> unitNames = unitNames();
        List<List<Object>> rows = records.interviews(units.currentScope(), filter, 1, ListExport.LIMIT)
            .items()
            .stream()
            .map(i -> Arrays.<Object>asList(i.heldOn(), i.interviewee(), unitNames.get(i.unitId()), i.interviewer(),
                    i.reason(), i.problemReference(), i.followUp()))
            .toList();
        return export.xlsx("interview.list.title", INTERVIEW_HEADERS, rows, locale);
    }

    @GetMapping("/accountability/interviews/{id}")
    String interview(@PathVariable UUID id, Model model) {
        model.addAttribute("interview", records.interview(id, units.currentScope()));
        model.addAttribute("unitNames", unitNames());
        return "ledger/interview-show";
    }

    @GetMapping("/accountability/interviews/new")
    String interviewForm(@RequestParam(required = false) String problem, Model model) {
        model.addAttribute("form", new InterviewForm(problem, null, null, null, null, null, null, null));
        model.addAttribute("scopeUnits", scopeUnits());
        return "ledger/interview-form";
    }

    @PostMapping("/accountability/interviews")
    String recordInterview(@Valid @ModelAttribute("form") InterviewForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = records.recordInterview(form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/accountability/interviews/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        model.addAttribute("scopeUnits", scopeUnits());
        return "ledger/interview-form";
    }

    @PostMapping("/accountability")
    String create(@Valid @ModelAttribute("form") AccountabilityForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return formView(model);
        }
        try {
            UUID id = records.create(form, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/accountability/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return formView(model);
        }
    }

    @GetMapping("/accountability/export")
    void export(HttpServletResponse response, Locale locale) throws IOException {
        String title = messages.getMessage("accountability.list.title", null, locale);
        ProblemController.xlsx(response, title + ".xlsx");
        Map<UUID, String> names = unitNames();
        List<String> headers = List
            .of("xlsx.column.number", "xlsx.column.reference", "accountability.field.person",
                    "accountability.field.unit", "accountability.field.kind", "accountability.field.grounds",
                    "accountability.field.decidedOn", "accountability.field.decidingBody",
                    "accountability.field.status", "accountability.field.meeting")
            .stream()
            .map(k -> messages.getMessage(k, null, locale))
            .toList();
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            WorkbookStyles styles = WorkbookStyles.of(wb);
            SXSSFSheet sheet = wb.createSheet(title);
            int[] next = { styles.head(sheet, title, headers) };
            records.forEach(units.currentScope(), e -> {
                Row row = sheet.createRow(next[0]);
                styles.number(row, 0, next[0] - 1L);
                styles.text(row, 1, e.problemReference());
                styles.text(row, 2, e.who());
                styles.text(row, 3, names.get(e.unitId()));
                AccountabilityKind kind = e.kind() == null ? e.proposedKind() : e.kind();
                styles.text(row, 4, messages.getMessage("accountability.kind." + kind, null, locale));
                styles.text(row, 5, e.grounds());
                styles.date(row, 6, e.decidedOn());
                styles.text(row, 7, e.decidingBody());
                styles.text(row, 8, messages.getMessage("accountability.status." + e.status(), null, locale));
                styles.text(row, 9, e.meeting());
                next[0]++;
            });
            wb.write(response.getOutputStream());
        }
        finally {
            wb.close();
        }
    }

    private String formView(Model model) {
        model.addAttribute("kinds", AccountabilityKind.values());
        model.addAttribute("subjects", AccountabilitySubject.values());
        model.addAttribute("scopeUnits", scopeUnits());
        return "ledger/accountability-form";
    }

    private List<OrgUnit> scopeUnits() {
        DataScope scope = units.currentScope();
        return units.all().stream().filter(u -> scope.includes(u.id())).toList();
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

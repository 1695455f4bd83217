package org.duban.ledger;

import org.duban.shared.WorkbookStyles;
import org.duban.shared.Flash;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportFileField;
import org.duban.shared.NotFoundException;
import org.duban.shared.UploadedFiles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The problem ledger's pages: list, registration, detail with timeline, and one form per
 * life-cycle action.
 */
@Controller
class ProblemController {

    private final ProblemLedger ledger;

    private final Problems problems;

    private final OrgUnits units;

    private final EvidenceStore evidence;

    private final LedgerWorkbooks workbooks;

    private final ProblemImport importer;

    private final ReferenceData reference;

    private final TimelineLabels timeline;

    private final List<ProblemSourceLink> sourceLinks;

    ProblemController(ProblemLedger ledger, Problems problems, OrgUnits units, EvidenceStore evidence,
            LedgerWorkbooks workbooks, ProblemImport importer, ReferenceData reference, TimelineLabels timeline,
            List<ProblemSourceLink> sourceLinks) {
        this.timeline = timeline;
        this.sourceLinks = sourceLinks;
        this.importer = importer;
        this.reference = reference;
        this.ledger = ledger;
        this.problems = problems;
        this.units = units;
        this.evidence = evidence;
        this.workbooks = workbooks;
    }

    @GetMapping("/problems")
    String list(@ModelAttribute("filter") ProblemFilter filter, Model model) {
        model.addAttribute("page", ledger.list(filter, units.currentScope()));
        model.addAttribute("view", "problems");
        return listView(model);
    }

    @GetMapping("/rectifications")
    String rectifications(@ModelAttribute("filter") ProblemFilter filter, Model model) {
        model.addAttribute("page", ledger.listRectifications(filter, units.currentScope()));
        model.addAttribute("view", "rectifications");
        return listView(model);
    }

    private String listView(Model model) {
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("categories", ProblemCategory.values());
        model.addAttribute("sources", ProblemSource.values());
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("items", ledger.items());
        model.addAttribute("scopeUnits", scopeUnits());
        model.addAttribute("today", ledger.today());
        return "ledger/list";
    }

    @GetMapping("/problems/export")
    void export(@ModelAttribute("filter") ProblemFilter filter, HttpServletResponse response, Locale locale)
            throws IOException {
        xlsx(response, workbooks.problemsFileName(locale));
        workbooks.writeProblems(filter, units.currentScope(), false, locale, response.getOutputStream());
    }

    @GetMapping("/rectifications/export")
    void exportRectifications(@ModelAttribute("filter") ProblemFilter filter, HttpServletResponse response,
            Locale locale) throws IOException {
        xlsx(response, workbooks.rectificationsFileName(locale));
        workbooks.writeProblems(filter, units.currentScope(), true, locale, response.getOutputStream());
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }

    @GetMapping("/problems/import")
    String importForm(Model model, Locale locale) {
        model.addAttribute("columns", importer.columns(locale));
        return "ledger/import";
    }

    /** The import's template: the columns it reads, no example row. */
    @GetMapping("/problems/import/template")
    ResponseEntity<byte[]> importTemplate(Locale locale) {
        return UploadedFiles.download(workbooks.problemsFileName(locale), WorkbookStyles.XLSX,
                importer.template(locale));
    }

    @PostMapping("/problems/import")
    String importXlsx(@RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            ImportFileField.refuse(model, "import.noFile");
            return importForm(model, locale);
        }
        try {
            model.addAttribute("report", importer.importProblems(file.getInputStream(), units.currentScope()));
        }
        catch (BusinessRuleViolation refusal) {
            ImportFileField.refuse(model, refusal.messageKey(), refusal.args());
        }
        return importForm(model, locale);
    }

    /**
     * Problems offered while a number is typed (search-as-you-type in reference fields):
     * datalist options.
     */
    @GetMapping("/problems/lookup")
    String lookup(@RequestParam(required = false) String q, @RequestParam(required = false) String problemId,
            Model model) {
        model.addAttribute("found", problems.lookup(q != null ? q : problemId, units.currentScope().unitArray(), 10));
        return "ledger/lookup :: options";
    }

    @GetMapping("/problems/new")
    String registerForm(Model model) {
        model.addAttribute("form", new ProblemForm(null, ProblemSource.SELF_INSPECTION, null, null, null, null, null,
                null, ledger.today(), false));
        return registerView(model);
    }

    @PostMapping("/problems")
    String register(@Valid @ModelAttribute("form") ProblemForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return registerView(model);
        }
        DataScope scope = units.currentScope();
        try {
            if (!scope.includes(form.unitId())) {
                throw new BusinessRuleViolation("problem.unitOutOfScope");
            }
            UUID id = problems.register(form.toNewProblem());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/problems/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return registerView(model);
        }
    }

    private String registerView(Model model) {
        model.addAttribute("categories", ProblemCategory.values());
        model.addAttribute("sources", ProblemSource.values());
        model.addAttribute("items", reference.activeItems());
        model.addAttribute("scopeUnits", scopeUnits());
        return "ledger/register";
    }

    @GetMapping({ "/problems/{id}", "/rectifications/{id}" })
    String show(@PathVariable UUID id, Model model, Locale locale) {
        DataScope scope = units.currentScope();
        Problem problem = ledger.get(id, scope);
        Map<UUID, String> unitNames = unitNames();
        Map<String, String> itemNames = ledger.items()
            .stream()
            .collect(Collectors.toMap(ProblemLedger.ItemRow::code, ProblemLedger.ItemRow::name));
        model.addAttribute("problem", problem);
        model.addAttribute("sourceLink",
                problem.sourceRef() == null ? null
                        : sourceLinks.stream()
                            .flatMap(l -> l.pathFor(problem.source(), problem.sourceRef()).stream())
                            .findFirst()
                            .orElse(null));
        model.addAttribute("rectification", ledger.rectification(id).orElse(null));
        model.addAttribute("files", evidence.list(id));
        model.addAttribute("history", timeline.rows(ledger.history(id), unitNames, itemNames, locale));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("scopeUnits", scopeUnits());
        model.addAttribute("itemNames", itemNames);
        model.addAttribute("today", ledger.today());
        model.addAttribute("overdue", problem.overdue(ledger.today()));
        model.addAttribute("rootCause", ledger.rootCause(id).orElse(null));
        model.addAttribute("rootCauses", RootCause.values());
        model.addAttribute("related", ledger.related(problem, scope));
        return "ledger/show";
    }

    @GetMapping("/problems/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        ledger.get(id, units.currentScope());
        EvidenceStore.StoredFile file = evidence.describe(fileId)
            .filter(f -> f.problemId().equals(id))
            .orElseThrow(() -> new NotFoundException("file " + fileId));
        return UploadedFiles.download(file.fileName(), file.contentType(), evidence.content(fileId));
    }

    /** 举一反三: the root cause of a confirmed problem. */
    @PostMapping("/problems/{id}/root-cause")
    String rootCause(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) RootCause cause,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.setRootCause(id, version, cause, note, units.currentScope()));
    }

    @PostMapping("/problems/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) UUID unitId,
            @RequestParam(defaultValue = "0") int limitDays, RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.assign(id, version, unitId, limitDays, units.currentScope()));
    }

    @PostMapping("/problems/{id}/verify")
    String verify(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.startVerification(id, version, units.currentScope()));
    }

    @PostMapping("/problems/{id}/decide")
    String decide(@PathVariable UUID id, @RequestParam long version, @RequestParam boolean confirmed,
            @RequestParam(required = false) String reasons, RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.decide(id, version, confirmed, reasons, units.currentScope()));
    }

    @PostMapping("/problems/{id}/rectify")
    String rectify(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.startRectification(id, version,
                new ProblemLedger.Plan(unitId, person, deadline), units.currentScope()));
    }

    @PostMapping("/problems/{id}/measures")
    String measure(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String text,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.addMeasure(id, version, text, owner, deadline, units.currentScope()));
    }

    @PostMapping("/problems/{id}/evidence")
    String upload(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(defaultValue = "RECTIFICATION") EvidenceStore.Purpose purpose,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.getSize() > EvidenceStore.MAX_BYTES) {
            redirect.addFlashAttribute("refusal", "evidence.tooLarge");
            redirect.addFlashAttribute("refusalArgs", new Object[] { EvidenceStore.MAX_BYTES / 1024 / 1024 });
            return "redirect:/problems/" + id;
        }
        byte[] content = file.getBytes();
        return act(id, redirect, () -> ledger.addEvidence(id, version, purpose, file.getOriginalFilename(), content,
                units.currentScope()));
    }

    @PostMapping("/problems/{id}/rectified")
    String rectified(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.reportRectified(id, version, note, units.currentScope()));
    }

    @PostMapping("/problems/{id}/check")
    String check(@PathVariable UUID id, @RequestParam long version, @RequestParam boolean passed,
            @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.checkRectification(id, version, passed, opinion, units.currentScope()));
    }

    @PostMapping("/problems/{id}/signoff")
    String signOff(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.signOff(id, version, units.currentScope()));
    }

    @PostMapping("/problems/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> ledger.reopen(id, version, reason, units.currentScope()));
    }

    /**
     * Runs an action; a refusal is shown on the detail page next to the forms (stale
     * edits become the 409 page).
     */
    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/problems/" + id;
    }

    private java.util.List<OrgUnit> scopeUnits() {
        DataScope scope = units.currentScope();
        return units.all().stream().filter(u -> scope.includes(u.id())).toList();
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

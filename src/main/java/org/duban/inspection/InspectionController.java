package org.duban.inspection;

import org.duban.shared.Flash;
import jakarta.validation.Valid;
import org.duban.campaign.Campaigns;
import org.duban.ledger.ProblemCategory;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.organization.StaffDirectory;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ListExport;
import org.duban.shared.UploadedFiles;
import org.springframework.http.ResponseEntity;
import org.duban.shared.PageOf;
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

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller
class InspectionController {

    private final Inspections inspections;

    private final Checklist checklist;

    private final OrgUnits units;

    private final StaffDirectory staff;

    private final Campaigns campaigns;

    private final FindingRegistration registration;

    private final FindingEvidence evidence;

    private final ListExport export;

    static final List<String> EXPORT_HEADERS = List.of("inspection.field.title", "inspection.field.type",
            "inspection.field.plannedOn", "inspection.field.unit", "inspection.field.status");

    InspectionController(Inspections inspections, Checklist checklist, OrgUnits units, StaffDirectory staff,
            Campaigns campaigns, FindingRegistration registration, FindingEvidence evidence, ListExport export) {
        this.export = export;
        this.evidence = evidence;
        this.inspections = inspections;
        this.checklist = checklist;
        this.units = units;
        this.staff = staff;
        this.campaigns = campaigns;
        this.registration = registration;
    }

    @GetMapping("/inspections")
    String list(@ModelAttribute("filter") Inspections.Filter filter, @RequestParam(required = false) Integer page,
            Model model) {
        PageOf<Inspection> found = inspections.search(units.currentScope(), filter, PageOf.number(page),
                PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("inspections", found.items());
        model.addAttribute("types", InspectionType.values());
        model.addAttribute("statuses", InspectionStatus.values());
        return "inspection/list";
    }

    /** The list as a spreadsheet: the same filters and scope, every matching row. */
    @GetMapping("/inspections/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") Inspections.Filter filter, Locale locale) {
        Map<UUID, String> unitNames = new HashMap<>();
        units.all().forEach(u -> unitNames.put(u.id(), u.name()));
        List<List<Object>> rows = inspections.search(units.currentScope(), filter, 1, ListExport.LIMIT)
            .items()
            .stream()
            .map(i -> Arrays.<Object>asList(i.title(), export.label("inspection.type." + i.type(), locale),
                    i.plannedOn(), unitNames.get(i.ownerUnitId()),
                    export.label("inspection.status." + i.status(), locale)))
            .toList();
        return export.xlsx("inspection.list.title", EXPORT_HEADERS, rows, locale);
    }

    @GetMapping("/inspections/new")
    String createForm(Model model) {
        UUID campaign = campaigns.list(units.currentScope()).stream().findFirst().map(c -> c.id()).orElse(null);
        model.addAttribute("form", new InspectionForm(InspectionType.SURPRISE, "", campaign, inspections.today(),
                List.of(), List.of(), List.of(), "", List.of()));
        return formView(model);
    }

    @PostMapping("/inspections")
    String create(@Valid @ModelAttribute("form") InspectionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return formView(model);
        }
        try {
            UUID id = inspections.create(form, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/inspections/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return formView(model);
        }
    }

    @GetMapping("/inspections/{id}")
    String show(@PathVariable UUID id, Model model) {
        Inspection inspection = inspections.get(id, units.currentScope());
        model.addAttribute("inspection", inspection);
        model.addAttribute("checklist", checklist.items());
        model.addAttribute("categories", ProblemCategory.values());
        model.addAttribute("canRegister", registration.available());
        Map<UUID, org.duban.ledger.ProblemRef> problems = new LinkedHashMap<>();
        inspection.findings().forEach(f -> registration.problem(f.problemId()).ifPresent(p -> problems.put(f.id(), p)));
        model.addAttribute("problems", problems);
        model.addAttribute("evidenceFiles", evidence.files(inspection));
        model.addAttribute("evidenceMaxMb", FindingEvidenceStore.MAX_BYTES / 1024 / 1024);
        if (!model.containsAttribute("findingForm")) {
            model.addAttribute("findingForm", new FindingForm("", ProblemCategory.IRREGULAR, "", "", "",
                    inspections.today(), inspection.version()));
        }
        return "inspection/show";
    }

    @PostMapping("/inspections/{id}/checks")
    String saveChecks(@PathVariable UUID id, @RequestParam long version, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<String, String> results = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("result.") && !v.isBlank()) {
                results.put(k.substring("result.".length()), v);
            }
            else if (k.startsWith("note.")) {
                notes.put(k.substring("note.".length()), v);
            }
        });
        inspections.saveChecks(id, version, results, notes, units.currentScope());
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/inspections/" + id;
    }

    @PostMapping("/inspections/{id}/findings")
    String addFinding(@PathVariable UUID id, @Valid @ModelAttribute("findingForm") FindingForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                inspections.addFinding(id, form, units.currentScope());
                redirect.addFlashAttribute("flash", "inspection.flash.findingRecorded");
                return "redirect:/inspections/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return show(id, model);
    }

    @PostMapping("/inspections/{id}/findings/{findingId}/problem")
    String register(@PathVariable UUID id, @PathVariable UUID findingId, RedirectAttributes redirect) {
        try {
            registration.register(id, findingId, units.currentScope());
            redirect.addFlashAttribute("flash", "inspection.flash.problemRegistered");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/inspections/" + id;
    }

    @PostMapping("/inspections/{id}/findings/{findingId}/evidence")
    String uploadEvidence(@PathVariable UUID id, @PathVariable UUID findingId,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            evidence.attach(id, findingId, file == null ? null : file.getOriginalFilename(), content,
                    units.currentScope());
            redirect.addFlashAttribute("flash", "inspection.flash.evidenceAdded");
            return "redirect:/inspections/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            // re-render the page with the message next to this finding's upload form
            model.addAttribute("evidenceFindingId", findingId);
            model.addAttribute("evidenceRefusal", refusal.messageKey());
            model.addAttribute("evidenceRefusalArgs", refusal.args());
            return show(id, model);
        }
    }

    @GetMapping("/inspections/{id}/findings/{findingId}/evidence/{fileId}")
    ResponseEntity<byte[]> downloadEvidence(@PathVariable UUID id, @PathVariable UUID findingId,
            @PathVariable UUID fileId) {
        FindingEvidenceStore.StoredFile file = evidence.describe(id, findingId, fileId, units.currentScope());
        return UploadedFiles.download(file.fileName(), file.contentType(), evidence.content(file));
    }

    @PostMapping("/inspections/{id}/close")
    String close(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String summary,
            RedirectAttributes redirect) {
        if (summary != null && summary.length() > 5000) {
            throw new IllegalArgumentException("summary too long");
        }
        inspections.close(id, version, summary, units.currentScope());
        redirect.addFlashAttribute("flash", "inspection.flash.closed");
        return "redirect:/inspections/" + id;
    }

    private String formView(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("types", InspectionType.values());
        model.addAttribute("campaigns", campaigns.list(scope));
        model.addAttribute("unitOptions", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("stationOptions", inspections.stations(scope));
        model.addAttribute("staffOptions", staff.list(scope, null));
        return "inspection/form";
    }

}

package org.duban.campaign;

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
import org.duban.shared.WorkbookStyles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The key-task plan's pages: list with filters, detail with progress and timeline, edit,
 * progress, Excel.
 */
@Controller
class KeyTaskController {

    private final KeyTasks tasks;

    private final Campaigns campaigns;

    private final OrgUnits units;

    private final KeyTaskWorkbook workbook;

    private final KeyTaskFiles files;

    private final KeyTaskTimelineLabels timeline;

    KeyTaskController(KeyTasks tasks, Campaigns campaigns, OrgUnits units, KeyTaskWorkbook workbook, KeyTaskFiles files,
            KeyTaskTimelineLabels timeline) {
        this.timeline = timeline;
        this.files = files;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.units = units;
        this.workbook = workbook;
    }

    @GetMapping("/tasks")
    String list(@ModelAttribute("filter") KeyTasks.Filter filter, Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("result", tasks.list(filter, scope));
        model.addAttribute("campaigns", campaigns.list(scope));
        model.addAttribute("phases", Phase.values());
        model.addAttribute("statuses", KeyTaskStatus.values());
        model.addAttribute("scopeUnits", scopeUnits());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("today", tasks.today());
        return "keytask/list";
    }

    @GetMapping("/tasks/export")
    void export(@ModelAttribute("filter") KeyTasks.Filter filter, HttpServletResponse response, Locale locale)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment()
                    .filename(workbook.fileName(locale), StandardCharsets.UTF_8)
                    .build()
                    .toString());
        workbook.write(filter, units.currentScope(), locale, response.getOutputStream());
    }

    @GetMapping("/tasks/import")
    String importForm(Model model, Locale locale) {
        model.addAttribute("campaigns", campaigns.list(units.currentScope()));
        model.addAttribute("columns", workbook.columns(locale));
        return "keytask/import";
    }

    @GetMapping("/tasks/import/template.xlsx")
    ResponseEntity<byte[]> importTemplate(Locale locale) {
        return UploadedFiles.download(workbook.templateFileName(locale), WorkbookStyles.XLSX,
                workbook.template(locale));
    }

    @PostMapping("/tasks/import")
    String importXlsx(@RequestParam(required = false) UUID campaignId,
            @RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        DataScope scope = units.currentScope();
        model.addAttribute("campaignId", campaignId);
        if (campaignId == null) {
            model.addAttribute("campaignError", "keytask.import.noCampaign");
        }
        else {
            campaigns.get(campaignId, scope);
        }
        if (file == null || file.isEmpty()) {
            // Not a row error ("row 0"): the file field says a file is needed.
            ImportFileField.refuse(model, "import.noFile");
        }
        if (campaignId == null || file == null || file.isEmpty()) {
            return importForm(model, locale);
        }
        try {
            model.addAttribute("report", workbook.importTasks(campaignId, file.getInputStream(), scope));
        }
        catch (BusinessRuleViolation refusal) {
            ImportFileField.refuse(model, refusal.messageKey(), refusal.args());
        }
        return importForm(model, locale);
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        KeyTask task = tasks.get(id, units.currentScope());
        model.addAttribute("task", task);
        model.addAttribute("progress", tasks.progress(id));
        model.addAttribute("filesByProgress",
                files.list(id).stream().collect(Collectors.groupingBy(KeyTaskFiles.StoredFile::progressId)));
        model.addAttribute("maxFiles", KeyTaskFiles.MAX_FILES);
        Map<UUID, String> unitNames = unitNames();
        model.addAttribute("history", timeline.rows(tasks.history(id), unitNames, locale));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("today", tasks.today());
        var me = org.duban.security.CurrentUser.require();
        model.addAttribute("mayAccept", task.acceptableBy(me.getUsername(), me.can(KeyTaskRoutes.ACCEPT)));
        return "keytask/show";
    }

    @GetMapping("/tasks/new")
    String createForm(@RequestParam(required = false) UUID campaign, Model model) {
        model.addAttribute("form", KeyTaskForm.plain(campaign, "", null, null, null, null, null, null, null, null));
        return editView(model, null);
    }

    @PostMapping("/tasks")
    String create(@Valid @ModelAttribute("form") KeyTaskForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editView(model, null);
        }
        try {
            campaigns.get(form.campaignId(), units.currentScope());
            UUID id = tasks.create(form, units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/tasks/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return editView(model, null);
        }
    }

    @GetMapping("/tasks/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", KeyTaskForm.of(tasks.get(id, units.currentScope())));
        return editView(model, id);
    }

    @PostMapping("/tasks/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") KeyTaskForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editView(model, id);
        }
        try {
            campaigns.get(form.campaignId(), units.currentScope());
            tasks.update(id, form, units.currentScope());
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return editView(model, id);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/progress")
    String progress(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int percent,
            @RequestParam(name = "files", required = false) List<MultipartFile> attached, RedirectAttributes redirect)
            throws IOException {
        try {
            List<KeyTaskFiles.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : attached == null ? List.<MultipartFile>of() : attached) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                    continue; // the browser's empty part when no file was chosen
                }
                if (f.getSize() > KeyTaskFiles.MAX_BYTES) {
                    throw new BusinessRuleViolation("keytask.file.tooLarge",
                            UploadedFiles.safeName(f.getOriginalFilename()), KeyTaskFiles.MAX_BYTES / 1024 / 1024);
                }
                uploads.add(new KeyTaskFiles.Upload(f.getOriginalFilename(), f.getBytes()));
            }
            tasks.report(id, version, reportedOn == null ? tasks.today() : reportedOn, text, percent, uploads,
                    units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/tasks/" + id;
    }

    /**
     * 验收: accept against the acceptance standard, or return with reasons; refusals shown
     * on the task's page.
     */
    @PostMapping("/tasks/{id}/acceptance")
    String acceptance(@PathVariable UUID id, @RequestParam long version, @RequestParam String decision,
            @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        try {
            tasks.decide(id, version, "accept".equals(decision), opinion, units.currentScope());
            redirect.addFlashAttribute("flash", "accept".equals(decision) ? "keytask.accepted" : "keytask.returned");
        }
        catch (BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute("refusalArgs", refusal.args());
        }
        return "redirect:/tasks/" + id;
    }

    @GetMapping("/tasks/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        tasks.get(id, units.currentScope());
        KeyTaskFiles.StoredFile file = files.describe(id, fileId)
            .orElseThrow(() -> new NotFoundException("file " + fileId));
        return UploadedFiles.download(file.fileName(), file.contentType(), files.content(fileId));
    }

    private String editView(Model model, UUID id) {
        model.addAttribute("taskId", id);
        model.addAttribute("campaigns", campaigns.list(units.currentScope()));
        model.addAttribute("phases", Phase.values());
        model.addAttribute("reportKinds", KeyTaskReportKind.values());
        model.addAttribute("scopeUnits", scopeUnits());
        return "keytask/edit";
    }

    private List<OrgUnit> scopeUnits() {
        DataScope scope = units.currentScope();
        return units.all().stream().filter(u -> scope.includes(u.id())).toList();
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

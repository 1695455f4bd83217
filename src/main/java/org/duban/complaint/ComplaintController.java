package org.duban.complaint;

import org.duban.shared.PageOf;
import org.duban.shared.Flash;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.ledger.ProblemCategory;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.UploadedFiles;
import org.duban.shared.WorkbookStyles;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The staff side: inbox by scope, registering complaints received by other channels, and
 * handling one.
 */
@Controller
class ComplaintController {

    private final Complaints complaints;

    /**
     * At most this many rows in an export (a county bureau receives a few thousand
     * complaints a year).
     */
    static final int EXPORT_LIMIT = 20_000;

    private final OrgUnits units;

    private final ComplaintWorkbook workbook;

    ComplaintController(Complaints complaints, OrgUnits units, ComplaintWorkbook workbook) {
        this.complaints = complaints;
        this.units = units;
        this.workbook = workbook;
    }

    @GetMapping("/complaints")
    String inbox(@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model) {
        PageOf<Complaint> found = complaints.inbox(units.currentScope(), status, q, PageOf.number(page),
                PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("complaints", found.items());
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("selected", status);
        model.addAttribute("q", q);
        model.addAttribute("today", complaints.today());
        model.addAttribute("unitNames", unitNames());
        return "complaint/inbox";
    }

    /** The inbox with the page's filters (status, keyword) as a spreadsheet. */
    @GetMapping("/complaints/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) ComplaintStatus status,
            @RequestParam(required = false) String q, Locale locale) {
        List<Complaint> found = complaints.inbox(units.currentScope(), status, q, 1, EXPORT_LIMIT).items();
        return UploadedFiles.download(workbook.fileName(locale), WorkbookStyles.XLSX,
                workbook.write(found, unitNames(), complaints.today(), locale));
    }

    @GetMapping("/complaints/new")
    String registerForm(Model model) {
        model.addAttribute("form", ComplaintForm.empty(UUID.randomUUID().toString()));
        return registerView(model);
    }

    @PostMapping("/complaints")
    String register(@ModelAttribute("form") ComplaintForm form, BindingResult errors, HttpServletResponse response,
            Model model) {
        form.validate(errors, complaints.today(), false);
        Channel channel = form.parsedChannel();
        if (channel == null || !Channel.REGISTERED_BY_STAFF.contains(channel)) {
            errors.rejectValue("channel", "complaint.form.channelRequired");
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            return registerView(model);
        }
        OrgUnit own = units.find(CurrentUser.require().unitId()).orElseThrow();
        Submitted submitted = complaints.submit(form.toNewComplaint(), form.parsedChannel(), form.idempotencyKey(),
                List.of(), units.bureauOf(own).id());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("submitted", submitted);
        return "complaint/registered";
    }

    @GetMapping("/complaints/{id}")
    String show(@PathVariable UUID id, Model model, HttpServletResponse response) {
        DataScope scope = units.currentScope();
        Complaint complaint = complaints.get(id, scope);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("complaint", complaint);
        model.addAttribute("entries", complaints.entries(id, scope));
        model.addAttribute("attachments", complaints.attachments(id, scope));
        model.addAttribute("today", complaints.today());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("canDispatch", scope.includes(complaint.ownerUnitId()));
        model.addAttribute("scopeUnits", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("allUnits", units.all());
        model.addAttribute("problem", complaints.problemOf(complaint).orElse(null));
        model.addAttribute("categories", ProblemCategory.values());
        model.addAttribute("closures", List.of(Closure.RESOLVED, Closure.DUPLICATE, Closure.WITHDRAWN, Closure.OTHER));
        return "complaint/show";
    }

    @GetMapping("/complaints/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        Complaints.AttachmentContent file = complaints.attachment(id, attachmentId, units.currentScope())
            .orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
        return UploadedFiles.download(file.fileName(), file.mediaType(), file.content());
    }

    @PostMapping("/complaints/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return done(id, redirect, () -> complaints.accept(id, version, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam long version, @RequestParam String reason,
            RedirectAttributes redirect) {
        String text = required(reason, 2000);
        return done(id, redirect, () -> complaints.decline(id, version, text, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID unitId,
            @RequestParam String reason, RedirectAttributes redirect) {
        String text = required(reason, 2000);
        complaints.transfer(id, version, unitId, text, units.currentScope());
        redirect.addFlashAttribute("flash", "complaint.flash.transferred");
        return "redirect:/complaints";
    }

    @PostMapping("/complaints/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID unitId,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> complaints.assign(id, version, unitId, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/extend")
    String extend(@PathVariable UUID id, @RequestParam long version, @RequestParam int days,
            @RequestParam String reason, RedirectAttributes redirect) {
        String text = required(reason, 2000);
        return done(id, redirect, () -> complaints.extend(id, version, days, text, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/notes")
    String note(@PathVariable UUID id, @RequestParam String text, RedirectAttributes redirect) {
        String note = required(text, 5000);
        return done(id, redirect, () -> complaints.addNote(id, note, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam long version, @RequestParam String result,
            @RequestParam String feedback, RedirectAttributes redirect) {
        String r = required(result, 5000);
        String f = required(feedback, 5000);
        return done(id, redirect, () -> complaints.answer(id, version, r, f, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/review")
    String review(@PathVariable UUID id, @RequestParam long version, @RequestParam String decision,
            @RequestParam String feedback, RedirectAttributes redirect) {
        String f = required(feedback, 5000);
        if (!decision.equals("approve") && !decision.equals("return")) {
            throw new IllegalArgumentException("decision");
        }
        return done(id, redirect,
                () -> complaints.reviewFeedback(id, version, decision.equals("approve"), f, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/close")
    String close(@PathVariable UUID id, @RequestParam long version, @RequestParam Closure closure,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String text = reason == null || reason.isBlank() ? null : required(reason, 2000);
        return done(id, redirect, () -> complaints.close(id, version, closure, text, units.currentScope()));
    }

    @PostMapping("/complaints/{id}/reveal")
    String reveal(@PathVariable UUID id, @RequestParam String reason, Model model, HttpServletResponse response) {
        String text = required(reason, 500);
        Complaints.Identity identity = complaints.reveal(id, text, units.currentScope());
        model.addAttribute("identity", identity);
        return show(id, model, response);
    }

    @PostMapping("/complaints/{id}/problem")
    String toProblem(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(required = false) ProblemCategory category, @RequestParam(required = false) String problemId,
            RedirectAttributes redirect) {
        return done(id, redirect,
                () -> complaints.turnIntoProblemNumbered(id, version, category, problemId, units.currentScope()));
    }

    private String done(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/complaints/" + id;
    }

    /**
     * A required free text: trimmed, non-blank, bounded, no control characters; otherwise
     * a 400.
     */
    private static String required(String value, int max) {
        if (value == null || value.isBlank() || value.length() > max || !ComplaintForm.cleanText(value)) {
            throw new IllegalArgumentException("text");
        }
        return value.strip();
    }

    private String registerView(Model model) {
        model.addAttribute("types", ComplaintType.values());
        model.addAttribute("channels", Channel.REGISTERED_BY_STAFF);
        return "complaint/register";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

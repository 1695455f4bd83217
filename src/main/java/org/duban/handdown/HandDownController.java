package org.duban.handdown;

import jakarta.validation.Valid;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Flash;
import org.duban.shared.UploadedFiles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 上级交办: the issuing bureau's list with its tally per bureau below, the form that hands an
 * item down, and an item's page where the bureau below reports back and the issuing
 * bureau accepts or returns.
 */
@Controller
class HandDownController {

    private final HandDowns handDowns;

    private final OrgUnits units;

    HandDownController(HandDowns handDowns, OrgUnits units) {
        this.handDowns = handDowns;
        this.units = units;
    }

    @GetMapping("/handdowns")
    String list(@RequestParam(required = false) HandDownStatus status, @RequestParam(required = false) UUID unit,
            Model model) {
        DubanUser me = CurrentUser.require();
        DataScope scope = units.currentScope();
        if (unit != null && !scope.includes(unit)) {
            throw new org.duban.shared.NotFoundException("unit " + unit);
        }
        model.addAttribute("rows", handDowns.list(scope, status, unit));
        model.addAttribute("tallies", handDowns.tallies(me, scope));
        model.addAttribute("bureau", handDowns.bureauOf(me));
        model.addAttribute("targets", handDowns.targets(me, scope));
        model.addAttribute("statuses", HandDownStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("unit", unit);
        model.addAttribute("today", handDowns.today());
        return "handdown/list";
    }

    @GetMapping("/handdowns/new")
    String form(@RequestParam(defaultValue = "TASK") HandDownKind kind, Model model) {
        model.addAttribute("form", HandDownForm.empty(kind));
        return render(kind, model);
    }

    /** The form again; a kind that did not bind (bad input) shows the task form. */
    private String render(HandDownKind kind, Model model) {
        DubanUser me = CurrentUser.require();
        model.addAttribute("kind", kind == null ? HandDownKind.TASK : kind);
        model.addAttribute("targets", handDowns.targets(me, units.currentScope()));
        model.addAttribute("campaigns", handDowns.ownCampaigns(me));
        model.addAttribute("keyTasks", handDowns.ownKeyTasks(me));
        model.addAttribute("kinds", HandDownKind.values());
        return "handdown/form";
    }

    @PostMapping("/handdowns")
    String issue(@Valid @ModelAttribute("form") HandDownForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        DubanUser me = CurrentUser.require();
        DataScope scope = units.currentScope();
        if (!errors.hasErrors()) {
            handDowns.check(form, me, scope).forEach(r -> errors.rejectValue(r.field(), r.messageKey()));
        }
        if (errors.hasErrors()) {
            return render(form.kind(), model);
        }
        List<UUID> ids = handDowns.issue(form, me, scope);
        Flash.done(redirect, "handdown.issued", ids.size());
        return ids.size() == 1 ? "redirect:/handdowns/" + ids.get(0) : "redirect:/handdowns";
    }

    @GetMapping("/handdowns/{id}")
    String show(@PathVariable UUID id, Model model) {
        DubanUser me = CurrentUser.require();
        HandDowns.Row row = handDowns.get(id, units.currentScope());
        model.addAttribute("row", row);
        model.addAttribute("steps", handDowns.steps(id));
        UUID bureau = handDowns.bureauOf(me).id();
        model.addAttribute("receiver", me.can(HandDowns.REPORT) && row.item().toUnitId().equals(bureau));
        model.addAttribute("issuer", me.can(HandDowns.DECIDE) && row.item().fromUnitId().equals(bureau));
        model.addAttribute("today", handDowns.today());
        return "handdown/show";
    }

    @PostMapping("/handdowns/{id}/report")
    String report(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String text,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> attached,
            RedirectAttributes redirect) throws IOException {
        try {
            List<HandDowns.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : attached == null ? List.<MultipartFile>of() : attached) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                    continue; // the browser's empty part when no file was chosen
                }
                uploads.add(new HandDowns.Upload(f.getOriginalFilename(), f.getBytes()));
            }
            handDowns.report(id, version, text, uploads, CurrentUser.require(), units.currentScope());
            Flash.done(redirect, "handdown.reported");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
            redirect.addFlashAttribute("reportText", text);
        }
        return "redirect:/handdowns/" + id;
    }

    @PostMapping("/handdowns/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam long version, @RequestParam HandDownAction action,
            @RequestParam(required = false) String reasons, RedirectAttributes redirect) {
        try {
            handDowns.decide(id, version, action, reasons, CurrentUser.require(), units.currentScope());
            Flash.done(redirect, "handdown.decided." + action);
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/handdowns/" + id;
    }

    @GetMapping("/handdowns/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        HandDowns.Download d = handDowns.evidence(id, fileId, units.currentScope());
        return UploadedFiles.download(d.fileName(), d.contentType(), d.content());
    }

}

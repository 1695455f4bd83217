package org.duban.reporting;

import org.duban.shared.Flash;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.duban.campaign.Campaigns;
import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
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
import java.nio.charset.StandardCharsets;
import org.duban.shared.BureauClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@Controller
class ReportController {

    private final Reports reports;

    private final ReportDocuments documents;

    private final OfficialDocumentWriter writer;

    private final OrgUnits units;

    private final Campaigns campaigns;

    private final BureauClock clock;

    private final ReportLedgers ledgers;

    private final AccountabilitySpecialReport special;

    ReportController(Reports reports, ReportDocuments documents, OfficialDocumentWriter writer, OrgUnits units,
            Campaigns campaigns, BureauClock clock, ReportLedgers ledgers, AccountabilitySpecialReport special) {
        this.special = special;
        this.ledgers = ledgers;
        this.reports = reports;
        this.documents = documents;
        this.writer = writer;
        this.units = units;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String list(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("reports", reports.listOwn());
        model.addAttribute("inbox", reports.inbox(scope));
        model.addAttribute("unitReports", reports.unitReports(scope, clock.today()));
        model.addAttribute("campaigns", campaigns.list(scope));
        // A unit reports monthly to its bureau; special reports and the summary are the
        // bureau's.
        model.addAttribute("kinds", Reports.channelOf(reports.myDesk()) == ReportChannel.UNIT_TO_BUREAU
                ? List.of(ReportKind.MONTHLY) : List.of(ReportKind.values()));
        model.addAttribute("thisMonth", YearMonth.from(clock.today()).toString());
        return "reporting/list";
    }

    @GetMapping("/reports/inbox")
    String inbox(Model model) {
        DataScope scope = units.currentScope();
        model.addAttribute("inbox", reports.inbox(scope));
        model.addAttribute("unitReports", reports.unitReports(scope, clock.today()));
        return "reporting/inbox";
    }

    @PostMapping("/reports")
    String create(@RequestParam UUID campaignId, @RequestParam ReportKind kind, @RequestParam String month,
            RedirectAttributes redirect) {
        LocalDate period;
        try {
            period = YearMonth.parse(month == null ? "" : month.strip()).atEndOfMonth();
        }
        catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("refusal", "report.refused.monthUnknown");
            return "redirect:/reports";
        }
        try {
            UUID id = reports.create(campaignId, kind, kind == ReportKind.MONTHLY ? period.withDayOfMonth(1) : period,
                    units.currentScope());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/reports/" + id;
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
            return "redirect:/reports";
        }
    }

    @GetMapping("/reports/{id}")
    String show(@PathVariable UUID id, Model model) {
        DataScope scope = units.currentScope();
        if (reports.readsAsSuperior(id, scope)) {
            List<ReportVersion> versions = reports.versions(id);
            ReportVersion latest = versions.get(versions.size() - 1);
            Report report = reports.find(id).orElseThrow();
            model.addAttribute("report", report);
            model.addAttribute("latest", latest);
            model.addAttribute("versions", versions);
            model.addAttribute("unitName", units.find(report.unitId()).map(OrgUnit::name).orElse(""));
            model.addAttribute("document", document(id, latest.number(), scope));
            return "reporting/received";
        }
        Report report = reports.getOwn(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ReportForm.of(report));
        }
        return showOwn(report, model);
    }

    private String showOwn(Report report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("figures", reports.figures(report.id(), 0));
        model.addAttribute("versions", reports.versions(report.id()));
        model.addAttribute("documentNumber", reports.documentNumber(report));
        return "reporting/edit";
    }

    @PostMapping("/reports/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                reports.update(id, form);
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/reports/" + id;
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return showOwn(reports.getOwn(id), model);
    }

    @PostMapping("/reports/{id}/figures")
    String redraft(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.redraftFigures(id, version));
    }

    @PostMapping("/reports/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.approve(id, version));
    }

    @PostMapping("/reports/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        if (comment != null && comment.length() > 5000) {
            throw new IllegalArgumentException("comment");
        }
        return act(id, redirect, () -> reports.returnToDrafter(id, version, comment));
    }

    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.submit(id, version));
    }

    @PostMapping("/reports/{id}/receive")
    String receive(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> reports.decide(id, version, true, null, units.currentScope()));
    }

    @PostMapping("/reports/{id}/return")
    String returnWithComments(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        if (comment != null && comment.length() > 5000) {
            throw new IllegalArgumentException("comment");
        }
        return act(id, redirect, () -> reports.decide(id, version, false, comment, units.currentScope()));
    }

    @GetMapping("/reports/{id}/preview")
    String preview(@PathVariable UUID id, @RequestParam(required = false) Integer version, Model model) {
        model.addAttribute("document", document(id, version, units.currentScope()));
        model.addAttribute("reportId", id);
        model.addAttribute("version", version);
        return "reporting/preview";
    }

    @GetMapping("/reports/{id}/docx")
    void docx(@PathVariable UUID id, @RequestParam(required = false) Integer version, HttpServletResponse response)
            throws IOException {
        DataScope scope = units.currentScope();
        ReportDocuments.Content content = content(id, version, scope);
        OfficialDocument document = documents.document(issuer(id), content);
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment()
                    .filename(documents.fileName(content), StandardCharsets.UTF_8)
                    .build()
                    .toString());
        writer.write(document, response.getOutputStream());
    }

    /**
     * 追责问责、容错免责情况专题报告 of the caller's scope; {@code anonymise} hides names for
     * circulation.
     */
    @GetMapping("/reports/special/accountability.docx")
    void accountabilityDocx(@RequestParam(defaultValue = "false") boolean anonymise, HttpServletResponse response)
            throws IOException {
        OrgUnit bureau = reports.myBureau();
        OfficialDocument document = special.document(bureau, special.cases(units.currentScope()), anonymise,
                clock.today());
        response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment()
                    .filename(document.title() + ".docx", StandardCharsets.UTF_8)
                    .build()
                    .toString());
        writer.write(document, response.getOutputStream());
    }

    /**
     * The self-inspection problem ledger attached to the report: same access as the
     * .docx.
     */
    @GetMapping("/reports/{id}/problems.xlsx")
    void problemsXlsx(@PathVariable UUID id, @RequestParam(required = false) Integer version,
            HttpServletResponse response) throws IOException {
        Report report = attached(id, version);
        xlsx(response, ledgers.fileName("ledger.problems.title", report));
        ledgers.writeProblems(report, issuer(id), clock.today(), response.getOutputStream());
    }

    /**
     * The key-task scheduling ledger attached to the report: same access as the .docx.
     */
    @GetMapping("/reports/{id}/tasks.xlsx")
    void tasksXlsx(@PathVariable UUID id, @RequestParam(required = false) Integer version, HttpServletResponse response)
            throws IOException {
        Report report = attached(id, version);
        xlsx(response, ledgers.fileName("ledger.tasks.title", report));
        ledgers.writeTasks(report, issuer(id), clock.today(), response.getOutputStream());
    }

    /**
     * The report whose ledgers are asked for, after the same access check as its
     * document.
     */
    private Report attached(UUID id, Integer version) {
        content(id, version, units.currentScope());
        return reports.find(id).orElseThrow(() -> new NotFoundException("report"));
    }

    private static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }

    private OfficialDocument document(UUID id, Integer version, DataScope scope) {
        return documents.document(issuer(id), content(id, version, scope));
    }

    private OrgUnit issuer(UUID id) {
        return reports.find(id).flatMap(r -> units.find(r.unitId())).orElseThrow(() -> new NotFoundException("report"));
    }

    /**
     * A superior reads the version submitted to it (the latest by default); the author
     * reads the working copy.
     */
    ReportDocuments.Content content(UUID id, Integer version, DataScope scope) {
        boolean superior = reports.readsAsSuperior(id, scope);
        if (superior || version != null) {
            List<ReportVersion> versions = reports.versions(id);
            ReportVersion chosen = version == null ? versions.get(versions.size() - 1)
                    : versions.stream()
                        .filter(v -> v.number() == version)
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("report version"));
            return ReportDocuments.Content.of(chosen, reports.figures(id, chosen.number()),
                    chosen.submittedAt().atZone(clock.zone()).toLocalDate());
        }
        Report r = reports.getOwn(id);
        LocalDate date = r.approvedAt() == null ? clock.today() : r.approvedAt().atZone(clock.zone()).toLocalDate();
        return new ReportDocuments.Content(r.title(), reports.documentNumber(r), r.signer(), r.addressee(), r.copyTo(),
                r.progress(), r.results(), r.problems(), r.suggestions(), reports.figures(id, 0), date);
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/reports/" + id;
    }

}

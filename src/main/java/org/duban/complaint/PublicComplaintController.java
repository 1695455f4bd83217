package org.duban.complaint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.campaign.PublicBureau;
import org.duban.campaign.PublicNotices;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public portal: no login, phone first. It lists the bureaus running a campaign; each
 * has its own page ({@code /public/b/{code}/}) with its public notice, and complaints
 * made there go to that bureau's intake unit. Look-up and rating are one route for all
 * bureaus (a receipt is unique across the installation). The receipt travels only in POST
 * bodies and the session's flash, never in a URL, and pages showing it are not cached. A
 * bad input re-renders the form with a 400 and the message next to the field.
 */
@Controller
class PublicComplaintController {

    private final Complaints complaints;

    private final PublicRateLimit rateLimit;

    private final ComplaintSettings settings;

    private final PublicNotices publicNotices;

    private final ComplainantSms sms;

    private final Secrets secrets;

    PublicComplaintController(Complaints complaints, PublicRateLimit rateLimit, ComplaintSettings settings,
            PublicNotices publicNotices, Secrets secrets, ComplainantSms sms) {
        this.complaints = complaints;
        this.sms = sms;
        this.secrets = secrets;
        this.publicNotices = publicNotices;
        this.rateLimit = rateLimit;
        this.settings = settings;
    }

    /**
     * The portal's home: the bureaus running a campaign. With a single bureau, that
     * bureau's page.
     */
    @GetMapping({ "/public", "/public/" })
    String home(Model model) {
        List<PublicBureau> bureaus = complaints.publicBureaus();
        if (bureaus.size() == 1) {
            return "redirect:/public/b/" + bureaus.get(0).code() + "/";
        }
        model.addAttribute("bureaus", bureaus);
        return "complaint/public/bureaus";
    }

    /**
     * A bureau's page: its public notice with its channels, and the ways to complain and
     * follow a case.
     */
    @GetMapping({ "/public/b/{code}", "/public/b/{code}/" })
    String bureau(@PathVariable String code, Model model) {
        PublicBureau bureau = complaints.publicBureau(code).orElseThrow(() -> new NotFoundException("bureau " + code));
        model.addAttribute("bureau", bureau);
        model.addAttribute("notice", publicNotices.notice(bureau.id()).orElse(null));
        model.addAttribute("campaign", publicNotices.activeCampaign(bureau.id()).orElse(null));
        model.addAttribute("timeLimits", settings.timeLimits());
        model.addAttribute("several", complaints.publicBureaus().size() > 1);
        return "complaint/public/home";
    }

    @GetMapping("/public/b/{code}/complaints/new")
    String form(@PathVariable String code, Model model) {
        PublicBureau bureau = complaints.publicBureau(code).orElseThrow(() -> new NotFoundException("bureau " + code));
        model.addAttribute("form", ComplaintForm.emptyFor(bureau.code(), UUID.randomUUID().toString()));
        return formView(model);
    }

    /**
     * The old address of the form: the only bureau's form, or the list to choose from.
     */
    @GetMapping("/public/complaints/new")
    String formWithoutBureau() {
        List<PublicBureau> bureaus = complaints.publicBureaus();
        return bureaus.size() == 1 ? "redirect:/public/b/" + bureaus.get(0).code() + "/complaints/new"
                : "redirect:/public/";
    }

    /**
     * Registers the complaint and redirects (post/redirect/get): the receipt travels to
     * the next page in the session's flash, never in the URL, so reloading the receipt
     * page cannot submit the complaint twice.
     */
    @PostMapping("/public/complaints")
    String submit(@ModelAttribute("form") ComplaintForm form, BindingResult errors,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect)
            throws IOException {
        form.validate(errors, complaints.today(), true);
        if (errors.hasErrors()) {
            response.setStatus(400);
            return formView(model);
        }
        rateLimit.check(PublicRateLimit.Kind.SUBMISSION, request.getRemoteAddr());
        List<Upload> uploads = new ArrayList<>();
        if (attachments != null) {
            for (MultipartFile file : attachments) {
                if (!file.isEmpty()) {
                    uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        try {
            UUID intake = complaints.intakeUnitFor(form.bureau());
            NewComplaint complaint = form.toNewComplaint();
            Submitted submitted = complaints.submit(complaint, Channel.WEB, form.idempotencyKey(), uploads, intake);
            String bureauName = complaints.publicBureau(form.bureau()).map(PublicBureau::name).orElse(null);
            String smsTo = sms.receiptGoesTo(complaint.normalised()).orElse(null);
            redirect.addFlashAttribute("receiptFlash", ReceiptFlash.of(submitted, bureauName, smsTo, secrets));
            return "redirect:/public/complaints/receipt";
        }
        catch (BusinessRuleViolation refusal) {
            if (refusal.messageKey().startsWith("complaint.bureau.")) {
                refusal.showAt(errors, "bureau");
            }
            else {
                refusal.showOn(errors);
            }
            response.setStatus(400);
            return formView(model);
        }
    }

    /**
     * Shows the receipt once, from the flash; a reload finds no receipt and says how to
     * follow the case instead.
     */
    @GetMapping("/public/complaints/receipt")
    String receipt(HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response);
        var flashes = RequestContextUtils.getInputFlashMap(request);
        if (flashes != null && flashes.get("receiptFlash") instanceof ReceiptFlash flash) {
            model.addAttribute("submitted", flash.open(secrets));
            model.addAttribute("bureauName", flash.bureauName());
            model.addAttribute("smsTo", flash.smsTo());
        }
        return "complaint/public/receipt";
    }

    @GetMapping("/public/complaints/status")
    String statusForm() {
        return "complaint/public/status";
    }

    @PostMapping("/public/complaints/status")
    String status(@RequestParam(required = false) String receipt, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        countLookup(receipt, request);
        return show(receipt, response, model, null);
    }

    @PostMapping("/public/complaints/status/information")
    String addInformation(@RequestParam(required = false) String receipt, @RequestParam(required = false) String text,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        countLookup(receipt, request);
        if (text == null || text.isBlank() || text.length() > 2000 || !ComplaintForm.cleanText(text)) {
            response.setStatus(400);
            return show(receipt, response, model, "complaint.information.invalid");
        }
        return act(receipt, response, model, () -> complaints.addInformation(receipt, text.strip()),
                "complaint.information.added");
    }

    @PostMapping("/public/complaints/status/rating")
    String rate(@RequestParam(required = false) String receipt, @RequestParam(required = false) String satisfaction,
            @RequestParam(required = false) String comment, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        countLookup(receipt, request);
        Optional<Satisfaction> rating = parse(satisfaction);
        if (rating.isEmpty() || (comment != null && (comment.length() > 1000 || !ComplaintForm.cleanText(comment)))) {
            response.setStatus(400);
            return show(receipt, response, model, "complaint.rating.invalid");
        }
        return act(receipt, response, model, () -> complaints.rate(receipt, rating.get(), comment),
                rating.get().isSatisfied() ? "complaint.rating.thanks" : "complaint.rating.reopened");
    }

    /**
     * Only a well-formed receipt can hit a complaint, so only those count towards the
     * guessing limit.
     */
    private void countLookup(String receipt, HttpServletRequest request) {
        if (Secrets.normalise(receipt) != null) {
            rateLimit.check(PublicRateLimit.Kind.LOOKUP, request.getRemoteAddr());
        }
    }

    private String act(String receipt, HttpServletResponse response, Model model, Runnable action, String done) {
        if (complaints.lookup(receipt).isEmpty()) {
            return show(receipt, response, model, null);
        }
        try {
            action.run();
            model.addAttribute("done", done);
            return show(receipt, response, model, null);
        }
        catch (BusinessRuleViolation refusal) {
            response.setStatus(409);
            return show(receipt, response, model, refusal.messageKey());
        }
    }

    private String show(String receipt, HttpServletResponse response, Model model, String problem) {
        noStore(response);
        if (Secrets.normalise(receipt) == null) {
            response.setStatus(400);
            model.addAttribute("problem", "complaint.receipt.invalid");
            return "complaint/public/status";
        }
        Optional<PublicStatus> status = complaints.lookup(receipt);
        if (status.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("problem", "complaint.receipt.unknown");
            return "complaint/public/status";
        }
        model.addAttribute("status", status.get());
        model.addAttribute("receipt", Secrets.format(Secrets.normalise(receipt)));
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("problem", problem);
        return "complaint/public/status";
    }

    private String formView(Model model) {
        model.addAttribute("types", ComplaintType.values());
        model.addAttribute("bureaus", complaints.publicBureaus());
        model.addAttribute("maxAttachments", settings.maxAttachments());
        model.addAttribute("maxAttachmentMegabytes", settings.maxAttachmentBytes() / 1024 / 1024);
        return "complaint/public/form";
    }

    private static Optional<Satisfaction> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Satisfaction.valueOf(value));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * Too many attempts from one address on a public page: 429 with the message on a
     * public page.
     */
    @ControllerAdvice(assignableTypes = { PublicComplaintController.class, ComplaintController.class })
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Limits {

        @ExceptionHandler(PublicRateLimit.RateLimited.class)
        String tooMany(PublicRateLimit.RateLimited e, HttpServletResponse response, Model model) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterMinutes() * 60));
            model.addAttribute("minutes", e.retryAfterMinutes());
            return "complaint/public/limited";
        }

    }

}

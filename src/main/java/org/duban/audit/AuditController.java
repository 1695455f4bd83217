package org.duban.audit;

import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The auditors' view of the operation log, and the verification of its hash chain. */
@Controller
class AuditController {

    private final AuditLog log;

    private final AuditTrail trail;

    private final ApplicationEventPublisher events;

    private final AuditAlarms alarms;

    private final ObjectProvider<AuditObjectNames> namers;

    private final MessageSource messages;

    private final ObjectProvider<AuditFieldNames> fieldNamers;

    /** A choice of the object-type filter: the code the modules write, and its label. */
    record TypeChoice(String code, String label) {
    }

    AuditController(AuditLog log, AuditTrail trail, ApplicationEventPublisher events, AuditAlarms alarms,
            ObjectProvider<AuditObjectNames> namers, ObjectProvider<AuditFieldNames> fieldNamers,
            MessageSource messages) {
        this.messages = messages;
        this.fieldNamers = fieldNamers;
        this.alarms = alarms;
        this.namers = namers;
        this.log = log;
        this.trail = trail;
        this.events = events;
    }

    @GetMapping("/audit")
    String list(@Valid @ModelAttribute("query") AuditQuery query, BindingResult errors, Model model, Locale locale) {
        return page(query, errors, model, locale);
    }

    @PostMapping("/audit/verify")
    String verify(@Valid @ModelAttribute("query") AuditQuery query, BindingResult errors, Model model, Locale locale) {
        AuditTrail.Verification verification = trail.verify();
        Optional<Long> broken = verification.firstBroken();
        model.addAttribute("verified", true);
        model.addAttribute("brokenSeq", broken.orElse(null));
        model.addAttribute("sealedCount", verification.sealed());
        model.addAttribute("unsealedCount", verification.unsealed());
        model.addAttribute("problems", verification.problems());
        if (!verification.intact()) {
            alarms.raise(verification.problems());
        }
        // The verification itself is on record: who checked, and what they were told.
        events.publishEvent(AuditEvent.change("audit.verified", "audit_log", broken.map(String::valueOf).orElse("-"),
                Map.of(), Map.of("intact", verification.intact(), "sealed", verification.sealed(), "unsealed",
                        verification.unsealed())));
        return page(query, errors, model, locale);
    }

    private String page(AuditQuery query, BindingResult errors, Model model, Locale locale) {
        AuditQuery effective = query;
        if (errors.hasErrors()) {
            // A record that failed to bind may not exist at all: start again from an
            // empty filter and say so.
            effective = new AuditQuery(null, null, null, null, null, null, null, 0);
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "query");
            model.addAttribute("query", effective);
            model.addAttribute("queryInvalid", true);
        }
        AuditLog.Page result = log.search(effective);
        model.addAttribute("result", result);
        model.addAttribute("objectNames", log.names(result.entries(), namers.orderedStream().toList()));
        model.addAttribute("fieldNames",
                log.fieldNames(result.entries(), fieldNamers.orderedStream().toList(), locale));
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("objectTypes", objectTypes(effective.objectType(), locale));
        model.addAttribute("zone", log.zone());
        return "audit/list";
    }

    /**
     * The types written to the log (every one is named by a module's
     * {@link AuditObjectNames}), by label; a type typed into the address that nobody
     * names is kept as a choice so that the filter still shows what it filters by.
     */
    private List<TypeChoice> objectTypes(String selected, Locale locale) {
        Set<String> codes = new TreeSet<>();
        namers.orderedStream().forEach(n -> codes.add(n.objectType()));
        if (selected != null && !selected.isBlank()) {
            codes.add(selected);
        }
        return codes.stream()
            .map(code -> new TypeChoice(code, messages.getMessage("audit.object." + code, null, code, locale)))
            .sorted(Comparator.comparing(TypeChoice::label, Collator.getInstance(locale)))
            .toList();
    }

}

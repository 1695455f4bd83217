package org.duban.ledger;

import org.duban.shared.Flash;
import jakarta.validation.Valid;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportFileField;
import org.duban.shared.UploadedFiles;
import org.duban.shared.WorkbookStyles;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration pages for the ledger's reference data: problem items and the holiday
 * calendar.
 */
@Controller
class ReferenceDataController {

    private final ReferenceData reference;

    private final ProblemLedger ledger;

    private final MessageSource messages;

    private final HolidayFile holidayFile;

    ReferenceDataController(ReferenceData reference, ProblemLedger ledger, MessageSource messages,
            HolidayFile holidayFile) {
        this.holidayFile = holidayFile;
        this.reference = reference;
        this.ledger = ledger;
        this.messages = messages;
    }

    // ---- problem items
    // ----------------------------------------------------------------------------------------

    @GetMapping("/admin/problem-items")
    String items(Model model) {
        model.addAttribute("form", ProblemItemForm.empty());
        return itemsView(model);
    }

    @PostMapping("/admin/problem-items")
    String addItem(@Valid @ModelAttribute("form") ProblemItemForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                reference.addItem(form);
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/problem-items";
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return itemsView(model);
    }

    private String itemsView(Model model) {
        Map<ProblemCategory, List<ReferenceData.Item>> byCategory = reference.items()
            .stream()
            .collect(Collectors.groupingBy(ReferenceData.Item::category, () -> new EnumMap<>(ProblemCategory.class),
                    Collectors.toList()));
        model.addAttribute("itemsByCategory", byCategory);
        model.addAttribute("categories", ProblemCategory.values());
        return "ledger/admin-items";
    }

    @GetMapping("/admin/problem-items/{code}/edit")
    String editItem(@PathVariable String code, Model model) {
        model.addAttribute("form", ProblemItemForm.of(reference.item(code)));
        return itemView(code, model);
    }

    @PostMapping("/admin/problem-items/{code}")
    String updateItem(@PathVariable String code, @Valid @ModelAttribute("form") ProblemItemForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        ReferenceData.Item item = reference.item(code);
        if (errors.hasFieldErrors("name") || errors.hasFieldErrors("sort")) {
            return itemView(code, model);
        }
        try {
            reference.updateItem(item.code(), form);
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/admin/problem-items";
        }
        catch (BusinessRuleViolation refusal) {
            refusal.showOn(errors);
            return itemView(code, model);
        }
    }

    @PostMapping("/admin/problem-items/{code}/delete")
    String deleteItem(@PathVariable String code, @RequestParam(defaultValue = "-1") long version, Model model,
            RedirectAttributes redirect) {
        ReferenceData.Item item = reference.item(code);
        try {
            reference.deleteItem(item.code(), version);
            redirect.addFlashAttribute("flash", "flash.deleted");
            return "redirect:/admin/problem-items";
        }
        catch (BusinessRuleViolation refusal) {
            model.addAttribute("form", ProblemItemForm.of(item));
            Flash.refused(model, refusal);
            return itemView(code, model);
        }
    }

    private String itemView(String code, Model model) {
        model.addAttribute("item", reference.item(code));
        return "ledger/admin-item-edit";
    }

    // ---- holiday calendar
    // -------------------------------------------------------------------------------------

    @GetMapping("/admin/holidays")
    String holidays(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        model.addAttribute("form", HolidayForm.empty());
        return holidaysView(year, model, locale);
    }

    @PostMapping("/admin/holidays")
    String addHoliday(@Valid @ModelAttribute("form") HolidayForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                reference.addHoliday(form);
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/holidays?year=" + form.day().getYear();
            }
            catch (BusinessRuleViolation refusal) {
                refusal.showOn(errors);
            }
        }
        return holidaysView(form.day() == null ? null : form.day().getYear(), model, locale);
    }

    private String holidaysView(Integer year, Model model, Locale locale) {
        model.addAttribute("columns", holidayFile.columns(locale));
        int current = ledger.today().getYear();
        int shown = year == null || year < 2000 || year > 2100 ? current : year;
        List<ReferenceData.Holiday> days = reference.holidays(shown);
        model.addAttribute("year", shown);
        model.addAttribute("years", reference.holidayYears(current));
        model.addAttribute("days", days);
        return "ledger/admin-holidays";
    }

    @GetMapping("/admin/holidays/import/template.xlsx")
    ResponseEntity<byte[]> holidayTemplate(Locale locale) {
        return UploadedFiles.download(messages.getMessage("holiday.import.templateName", null, locale) + ".xlsx",
                WorkbookStyles.XLSX, holidayFile.template(locale, ReferenceData.MAX_IMPORT_LINES));
    }

    @PostMapping("/admin/holidays/import")
    String importHolidays(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
            RedirectAttributes redirect) throws IOException {
        model.addAttribute("form", HolidayForm.empty());
        List<ReferenceData.ImportError> errors;
        if (file == null || file.isEmpty()) {
            errors = List.of(new ReferenceData.ImportError(0, "import.noFile", new Object[0]));
        }
        else if (file.getSize() > MAX_IMPORT_BYTES) {
            errors = List.of(new ReferenceData.ImportError(0, "holiday.import.tooLarge", new Object[0]));
        }
        else {
            Map<String, Boolean> kinds = new HashMap<>();
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, locale)) {
                kinds.put(messages.getMessage("holiday.kind.false", null, l).toLowerCase(Locale.ROOT), false);
                kinds.put(messages.getMessage("holiday.kind.true", null, l).toLowerCase(Locale.ROOT), true);
            }
            kinds.putAll(Map.of("false", false, "0", false, "true", true, "1", true));
            try {
                errors = reference.importHolidays(holidayFile.rows(file.getBytes(), ReferenceData.MAX_IMPORT_LINES + 1),
                        kinds);
            }
            catch (BusinessRuleViolation refusal) {
                errors = List.of(new ReferenceData.ImportError(0, refusal.messageKey(), refusal.args()));
            }
        }
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "holiday.import.done");
            return "redirect:/admin/holidays";
        }
        // A refusal of the whole file (none, too large, unreadable, no days) stands under
        // the file field; the rows' errors above the form, each with its row.
        if (errors.size() == 1 && errors.get(0).line() == 0) {
            ImportFileField.refuse(model, errors.get(0).messageKey(), errors.get(0).args());
        }
        else {
            model.addAttribute("importErrors", errors);
        }
        return holidaysView(null, model, locale);
    }

    private static final long MAX_IMPORT_BYTES = 100 * 1024;

    @GetMapping("/admin/holidays/{day}/edit")
    String editHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        model.addAttribute("form", HolidayForm.of(reference.holiday(day)));
        model.addAttribute("day", day);
        return "ledger/admin-holiday-edit";
    }

    @PostMapping("/admin/holidays/{day}")
    String updateHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @ModelAttribute("form") HolidayForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        reference.holiday(day);
        model.addAttribute("day", day);
        if (errors.hasFieldErrors("name")) {
            return "ledger/admin-holiday-edit";
        }
        reference.updateHoliday(day, form);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/admin/holidays?year=" + day.getYear();
    }

    @PostMapping("/admin/holidays/{day}/delete")
    String deleteHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        reference.deleteHoliday(day, version);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/admin/holidays?year=" + day.getYear();
    }

}

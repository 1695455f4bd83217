package org.duban.organization;

import jakarta.validation.Valid;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportFileField;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Staff accounts: list with filters within the data scope, create, edit, and import from
 * a spreadsheet.
 */
@Controller
class StaffController {

    private final StaffDirectory staff;

    private final OrgUnits units;

    private final StaffImport staffImport;

    private final StaffImportFile importFile;

    private final org.springframework.context.MessageSource messages;

    StaffController(StaffDirectory staff, OrgUnits units, StaffImport staffImport, StaffImportFile importFile,
            org.springframework.context.MessageSource messages) {
        this.staff = staff;
        this.units = units;
        this.staffImport = staffImport;
        this.importFile = importFile;
        this.messages = messages;
    }

    @GetMapping("/admin/staff")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID unit, Model model) {
        DataScope scope = units.currentScope();
        DataScope shown = unit == null ? scope : units.within(scope, unit);
        model.addAttribute("staff", staff.list(shown, q));
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("units", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("unitNames", unitNames());
        return "organization/staff";
    }

    @GetMapping("/admin/staff/new")
    String createForm(Model model) {
        model.addAttribute("form", StaffForm.empty());
        return editView(model, null);
    }

    @PostMapping("/admin/staff")
    String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                staff.create(form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/staff";
            }
            catch (BusinessRuleViolation refusal) {
                showAtField(refusal, errors);
            }
        }
        return editView(model, null);
    }

    @GetMapping("/admin/staff/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", StaffForm.of(staff.get(id, units.currentScope())));
        return editView(model, id);
    }

    @PostMapping("/admin/staff/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") StaffForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        staff.get(id, units.currentScope());
        if (!errors.hasErrors()) {
            try {
                staff.update(id, form, units.currentScope());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/staff";
            }
            catch (BusinessRuleViolation refusal) {
                showAtField(refusal, errors);
            }
        }
        return editView(model, id);
    }

    @GetMapping("/admin/staff/import")
    String importForm(Model model, Locale locale) {
        model.addAttribute("columns", staffImport.columns(locale));
        return "organization/staff-import";
    }

    @GetMapping("/admin/staff/import/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        return UploadedFiles.download(messages.getMessage("staff.import.fileName", null, locale) + ".xlsx",
                WorkbookStyles.XLSX, importFile.template(locale));
    }

    @PostMapping("/admin/staff/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, Locale locale) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new BusinessRuleViolation("staff.import.empty");
            }
            // Checked before the bytes are read into memory; the reader checks again.
            if (file.getSize() > StaffImportFile.MAX_BYTES) {
                throw new BusinessRuleViolation("staff.import.tooLarge", StaffImportFile.MAX_BYTES / (1024 * 1024));
            }
            model.addAttribute("report", staffImport.importWorkbook(file.getBytes(), units.currentScope(), locale));
        }
        catch (BusinessRuleViolation refusal) {
            // A refusal of the whole file (none, too large, not an .xlsx, wrong header)
            // stands under the file field.
            ImportFileField.refuse(model, refusal.messageKey(), refusal.args());
        }
        return importForm(model, locale);
    }

    /** A refusal belongs next to the field that caused it. */
    private static void showAtField(BusinessRuleViolation refusal, BindingResult errors) {
        String key = refusal.messageKey();
        String field = key.startsWith("password.") ? "password" : key.startsWith("staff.login.") ? "login"
                : key.startsWith("staff.role.") ? "roles" : key.startsWith("staff.unit.") ? "unitId" : null;
        if (field == null) {
            refusal.showOn(errors);
        }
        else {
            refusal.showAt(errors, field);
        }
    }

    private String editView(Model model, UUID id) {
        DataScope scope = units.currentScope();
        model.addAttribute("staffId", id);
        model.addAttribute("units", units.all().stream().filter(u -> scope.includes(u.id())).toList());
        model.addAttribute("roleCodes", staff.roleCodes());
        return "organization/staff-edit";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

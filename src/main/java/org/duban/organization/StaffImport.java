package org.duban.organization;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportColumn;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a staff list: every row is checked first, and the list is imported in one
 * transaction only when no row has a problem, so a half-imported list never has to be
 * cleaned up by hand.
 */
@Service
public class StaffImport {

    /**
     * A problem of one row, for the report: the spreadsheet row number, the column and
     * the resolved message.
     */
    public record Problem(int row, String column, String message) {
    }

    /**
     * The outcome: either problems (and nothing imported) or the number of staff
     * imported.
     */
    public record Report(List<Problem> problems, int imported) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    // Role lists may be separated by commas (ASCII or full-width), the ideographic comma
    // or semicolons; not by
    // spaces, which English role labels contain.
    private static final String ROLE_SEPARATORS = "\\s*[,\\uFF0C\\u3001;\\uFF1B]\\s*";

    private final StaffImportFile file;

    private final StaffDirectory staff;

    private final OrgUnits units;

    private final MessageSource messages;

    private final Validator validator;

    private final TransactionTemplate transaction;

    StaffImport(StaffImportFile file, StaffDirectory staff, OrgUnits units, MessageSource messages, Validator validator,
            PlatformTransactionManager transactions) {
        this.file = file;
        this.staff = staff;
        this.units = units;
        this.messages = messages;
        this.validator = validator;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Refusals of the whole file (too large, not an xlsx, wrong header) are thrown as
     * {@link BusinessRuleViolation}.
     */
    public Report importWorkbook(byte[] content, DataScope scope, Locale locale) {
        List<StaffImportFile.Line> lines = file.read(content, locale);
        Map<String, String> roleByWord = roleWords();
        List<Problem> problems = new ArrayList<>();
        List<StaffForm> forms = new ArrayList<>();
        Set<String> loginsInFile = new HashSet<>();
        for (StaffImportFile.Line line : lines) {
            List<Problem> found = new ArrayList<>();
            Optional<OrgUnit> unit = resolveUnit(line.unit(), scope);
            if (line.unit().isEmpty()) {
                found.add(problem(line, "unit", "staff.import.unit.missing", locale));
            }
            else if (unit.isEmpty()) {
                found.add(problem(line, "unit", "staff.import.unit.unknown", locale, line.unit()));
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String word : line.roles().isEmpty() ? new String[0] : line.roles().split(ROLE_SEPARATORS)) {
                if (word.isBlank()) {
                    continue;
                }
                String code = roleByWord.get(word.toUpperCase(Locale.ROOT));
                if (code == null) {
                    found.add(problem(line, "roles", "staff.import.role.unknown", locale, word));
                }
                else {
                    roles.add(code);
                }
            }
            StaffForm form = new StaffForm(unit.map(OrgUnit::id).orElse(null), line.name(), line.title(), line.phone(),
                    line.email(), line.login(), null, true, roles, null);
            for (ConstraintViolation<StaffForm> v : validator.validate(form)) {
                String column = v.getPropertyPath().toString();
                if (!column.equals("unitId")) {
                    found.add(new Problem(line.number(), file.header(column, locale), v.getMessage()));
                }
            }
            if (!line.login().isEmpty()) {
                if (!loginsInFile.add(line.login())) {
                    found.add(problem(line, "login", "staff.import.login.repeated", locale, line.login()));
                }
                else if (staff.findByLogin(line.login()).isPresent()) {
                    found.add(problem(line, "login", "staff.login.taken", locale, line.login()));
                }
            }
            problems.addAll(found);
            forms.add(form);
        }
        if (!problems.isEmpty()) {
            return new Report(problems, 0);
        }
        try {
            transaction.executeWithoutResult(status -> forms.forEach(form -> staff.createImported(form, scope)));
        }
        catch (BusinessRuleViolation refusal) {
            // Someone took a login between the check and the import: nothing was
            // imported.
            return new Report(
                    List.of(new Problem(0, "", messages.getMessage(refusal.messageKey(), refusal.args(), locale))), 0);
        }
        return new Report(List.of(), forms.size());
    }

    /** The template's columns in its order, as the import page lists them. */
    public List<ImportColumn> columns(Locale locale) {
        String roles = String.join(" / ",
                staff.roleCodes()
                    .stream()
                    .map(code -> messages.getMessage("role." + code, null, code, locale))
                    .toList());
        List<ImportColumn> columns = new ArrayList<>();
        for (int i = 0; i < StaffImportFile.COLUMNS.size(); i++) {
            String column = StaffImportFile.COLUMNS.get(i);
            columns
                .add(new ImportColumn(file.header(column, locale), null, column.equals("unit") || column.equals("name"),
                        messages.getMessage("staff.import.accepts." + column,
                                column.equals("roles") ? new Object[] { roles } : null, locale)));
        }
        return columns;
    }

    /**
     * A unit by its code first, then by its name, and only within the importer's scope.
     */
    private Optional<OrgUnit> resolveUnit(String text, DataScope scope) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return units.findByCode(text)
            .or(() -> units.all().stream().filter(u -> u.name().equals(text)).findFirst())
            .filter(u -> scope.includes(u.id()));
    }

    /** Role codes and their labels in both languages, upper-cased, to the role code. */
    private Map<String, String> roleWords() {
        Map<String, String> words = new HashMap<>();
        for (String code : staff.roleCodes()) {
            words.put(code.toUpperCase(Locale.ROOT), code);
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage("role." + code, null, null, l);
                if (label != null) {
                    words.put(label.toUpperCase(Locale.ROOT), code);
                }
            }
        }
        return words;
    }

    private Problem problem(StaffImportFile.Line line, String column, String key, Locale locale, Object... args) {
        return new Problem(line.number(), file.header(column, locale), messages.getMessage(key, args, locale));
    }

}

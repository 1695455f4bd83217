package org.duban.screening;

import org.duban.shared.PageOf;
import org.duban.shared.Flash;
import org.duban.organization.OrgUnit;
import org.duban.organization.OrgUnits;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.ImportFileField;
import org.duban.shared.ImportColumn;
import org.duban.shared.UploadedFiles;
import org.duban.shared.WorkbookStyles;
import org.springframework.core.task.TaskExecutor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

@Controller
class ScreeningController {

    private final Findings findings;

    private final Imports imports;

    private final Screening screening;

    private final ScreeningSettings settings;

    private final ScreeningData data;

    private final ProblemHandover problems;

    private final OrgUnits units;

    private final TaskExecutor executor;

    private final org.springframework.context.MessageSource messages;

    private final ImportTemplates templates;

    ScreeningController(Findings findings, Imports imports, Screening screening, ScreeningSettings settings,
            ScreeningData data, ProblemHandover problems, OrgUnits units,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
            org.springframework.context.MessageSource messages, ImportTemplates templates) {
        this.messages = messages;
        this.templates = templates;
        this.findings = findings;
        this.imports = imports;
        this.screening = screening;
        this.settings = settings;
        this.data = data;
        this.problems = problems;
        this.units = units;
        this.executor = executor;
    }

    private Findings.Reader reader() {
        DubanUser me = CurrentUser.require();
        return Findings.Reader.of(me, units.currentScope());
    }

    @GetMapping("/screening")
    String home() {
        return "redirect:/screening/findings";
    }

    // ---- findings
    // -----------------------------------------------------------------------------------------

    /** At most this many findings in an export. */
    static final int EXPORT_LIMIT = 50_000;

    /** The filters of the findings page (months as yyyy-MM); also those of its export. */
    record FindingFilter(String category, String rule, String severity, UUID unit, String officer, String status,
            @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth from,
            @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth to) {

        Findings.Query query() {
            return new Findings.Query(category, rule, severity, unit, officer, from == null ? null : from.atDay(1),
                    to == null ? null : to.atDay(1), status, null);
        }
    }

    @GetMapping("/screening/findings")
    String findings(FindingFilter filter, @RequestParam(required = false) Integer page, Model model, Locale locale) {
        Findings.Query q = filter.query();
        java.time.YearMonth from = filter.from();
        java.time.YearMonth to = filter.to();
        Findings.Reader reader = reader();
        int number = PageOf.number(page);
        List<Findings.Finding> list = findings.list(q, reader, PageOf.DEFAULT_SIZE,
                PageOf.offset(number, PageOf.DEFAULT_SIZE));
        model.addAttribute("page", new PageOf<>(list, findings.count(q, reader), number, PageOf.DEFAULT_SIZE));
        model.addAttribute("findings", list);
        model.addAttribute("explanations", list.stream()
            .collect(Collectors.toMap(Findings.Finding::id, f -> findings.explain(f, locale), (a, b) -> a)));
        model.addAttribute("q", q);
        model.addAttribute("fromMonth", from == null ? "" : from.toString());
        model.addAttribute("toMonth", to == null ? "" : to.toString());
        model.addAttribute("categories", List.of("PROFIT_DRIVEN", "IRREGULAR", "RIGID", "ROUGH", "RENT_SEEKING"));
        model.addAttribute("rules", ScreeningRules.SQL.keySet());
        model.addAttribute("units", units.all().stream().filter(u -> reader.scope().includes(u.id())).toList());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("latestRun", findings.latestRun().orElse(null));
        return "screening/findings";
    }

    /**
     * The findings with the page's filters as a spreadsheet, seen as the reader may see
     * them.
     */
    @GetMapping("/screening/findings/export")
    ResponseEntity<byte[]> exportFindings(FindingFilter filter, Locale locale) {
        Map<UUID, String> names = unitNames();
        List<List<Object>> rows = findings.list(filter.query(), reader(), EXPORT_LIMIT, 0)
            .stream()
            .map(f -> java.util.Arrays.<Object>asList(label("screening.severity." + f.severity(), locale),
                    label("screening.rule." + f.rule(), locale), label("screening.category." + f.category(), locale),
                    label("screening.subject." + f.subjectType(), locale), f.subjectId(), findings.explain(f, locale),
                    names.get(f.unitId()), f.period(), f.caseCount(), label("screening.status." + f.status(), locale)))
            .toList();
        String title = label("screening.export.title", locale);
        List<String> headers = java.util.stream.Stream
            .of("screening.field.severity", "screening.field.rule", "screening.field.category",
                    "screening.export.subjectType", "screening.field.subject", "screening.field.explanation",
                    "screening.field.unit", "screening.export.period", "screening.field.cases",
                    "screening.field.status")
            .map(key -> label(key, locale))
            .toList();
        return UploadedFiles.download(title + ".xlsx", WorkbookStyles.XLSX,
                WorkbookStyles.ledger(title, headers, rows));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Chart data for ECharts: months on the x axis, one series per category or unit. */
    @GetMapping(value = "/screening/findings/chart", produces = "application/json")
    @ResponseBody
    Map<String, Object> chart(@RequestParam(defaultValue = "category") String dimension, Locale locale) {
        String dim = dimension.equals("unit") ? "unit" : "category";
        List<Map<String, Object>> rows = findings.counts(dim, reader());
        TreeSet<String> months = new TreeSet<>();
        Map<String, Map<String, Long>> series = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String month = (String) row.get("month");
            String key = (String) row.get("k");
            months.add(month);
            series.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(month, ((Number) row.get("n")).longValue());
        }
        List<Map<String, Object>> out = series.entrySet()
            .stream()
            .map(e -> Map.<String, Object>of("name", dim.equals("category")
                    ? messages.getMessage("screening.category." + e.getKey(), null, e.getKey(), locale) : e.getKey(),
                    "data", months.stream().map(m -> e.getValue().getOrDefault(m, 0L)).toList()))
            .toList();
        return Map.of("months", months, "series", out);
    }

    @GetMapping("/screening/findings/{id}")
    String finding(@PathVariable UUID id, Model model, Locale locale) {
        Findings.Finding f = findings.get(id, reader());
        model.addAttribute("f", f);
        model.addAttribute("explanation", findings.explain(f, locale));
        model.addAttribute("groupExplanations", findings.explainGroups(f, locale));
        model.addAttribute("cases", findings.cases(f, 200));
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("canTurnIntoProblem", problems.available());
        return "screening/finding";
    }

    @PostMapping("/screening/findings/{id}/dismiss")
    String dismiss(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        try {
            findings.dismiss(id, reason, version, reader());
            redirect.addFlashAttribute("flash", "screening.flash.dismissed");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/screening/findings/" + id;
    }

    @PostMapping("/screening/findings/{id}/problem")
    String problem(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect,
            Locale locale) {
        try {
            Findings.Reader reader = reader();
            Findings.Finding f = findings.get(id, reader);
            problems.turnIntoProblem(f, findings.explain(f, Locale.SIMPLIFIED_CHINESE), version, reader);
            redirect.addFlashAttribute("flash", "screening.flash.problem");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/screening/findings/" + id;
    }

    @GetMapping("/screening/cases/{id}")
    String caseView(@PathVariable long id, Model model, Locale locale) {
        Findings.Reader reader = reader();
        Findings.Case c = findings.caseOf(id, reader);
        List<Findings.Finding> related = findings.findingsOfCase(id, reader);
        model.addAttribute("c", c);
        model.addAttribute("related", related);
        model.addAttribute("explanations", related.stream()
            .collect(Collectors.toMap(Findings.Finding::id, f -> findings.explain(f, locale), (a, b) -> a)));
        return "screening/case";
    }

    // ---- imports
    // ------------------------------------------------------------------------------------------

    private static final List<String> KINDS = List.of("CASES", "BENCHMARK");

    private static boolean isKind(String kind) {
        return kind != null && KINDS.contains(kind);
    }

    @GetMapping("/screening/imports")
    String imports(@RequestParam(required = false) String kind, Model model, Locale locale) {
        model.addAttribute("imports", data.imports());
        model.addAttribute("kind", isKind(kind) ? kind : "CASES");
        Map<String, List<ImportColumn>> columns = new LinkedHashMap<>();
        KINDS.forEach(k -> columns.put(k, templates.columns(ImportTemplates.format(k), locale)));
        model.addAttribute("kindColumns", columns);
        return "screening/imports";
    }

    @GetMapping("/screening/imports/template.xlsx")
    ResponseEntity<byte[]> importTemplate(@RequestParam(required = false) String kind, Locale locale) {
        String k = isKind(kind) ? kind : "CASES";
        return UploadedFiles.download(messages.getMessage("screening.import.templateName." + k, null, locale) + ".xlsx",
                WorkbookStyles.XLSX, templates.workbook(k, locale));
    }

    @PostMapping("/screening/imports")
    String upload(@RequestParam(required = false) String kind,
            @RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        if (!isKind(kind)) {
            model.addAttribute("kindError", "screening.import.noKind");
        }
        if (file == null || file.isEmpty()) {
            ImportFileField.refuse(model, "import.noFile");
        }
        if (!isKind(kind) || file == null || file.isEmpty()) {
            return imports(kind, model, locale);
        }
        Path temp = Files.createTempFile("duban-import", ".upload");
        file.transferTo(temp);
        boolean xlsx = ScreenCommand.isXlsx(temp);
        String refusal = null;
        Object[] args = {};
        try (InputStream head = new BufferedInputStream(Files.newInputStream(temp), 1 << 16)) {
            ImportPipeline.checkHead(ImportTemplates.format(kind), head, xlsx);
        }
        catch (BusinessRuleViolation refused) {
            refusal = refused.messageKey();
            args = refused.args();
        }
        catch (IOException unreadable) {
            refusal = "screening.refused.unreadable";
            args = new Object[] { "" };
        }
        if (refusal != null) {
            Files.deleteIfExists(temp);
            ImportFileField.refuse(model, refusal, args);
            return imports(kind, model, locale);
        }
        String name = file.getOriginalFilename() == null ? "upload"
                : Path.of(file.getOriginalFilename()).getFileName().toString();
        UUID id = imports.start(kind, name, Files.size(temp), CurrentUser.actor());
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(temp), 1 << 16)) {
                if (kind.equals("CASES")) {
                    imports.importCases(id, in, xlsx);
                }
                else {
                    imports.importBenchmark(id, in, xlsx);
                }
            }
            catch (IOException | RuntimeException e) {
                imports.fail(id,
                        e instanceof BusinessRuleViolation b
                                ? b.messageKey() + "|"
                                        + String.join(" ",
                                                java.util.Arrays.stream(b.args()).map(String::valueOf).toList())
                                : "screening.refused.unreadable|");
            }
            finally {
                try {
                    Files.deleteIfExists(temp);
                }
                catch (IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }));
        return "redirect:/screening/imports/" + id;
    }

    @GetMapping("/screening/imports/{id}")
    String importView(@PathVariable UUID id, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ScreeningData.ImportView view = data.importOf(id);
        model.addAttribute("imp", view);
        model.addAttribute("rejections", data.rejections(id, 1000));
        return htmx != null ? "screening/import :: progress" : "screening/import";
    }

    // ---- benchmark, settings, runs
    // ------------------------------------------------------------------------

    @GetMapping("/screening/benchmark")
    String benchmark(Model model) {
        model.addAttribute("rows", data.benchmark());
        return "screening/benchmark";
    }

    @PostMapping("/screening/benchmark")
    String updateBenchmark(@RequestParam String violationCode, @RequestParam String circumstance,
            @RequestParam(required = false) BigDecimal minFine, @RequestParam(required = false) BigDecimal maxFine,
            @RequestParam(defaultValue = "false") boolean exemptEligible, @RequestParam long version,
            RedirectAttributes redirect) {
        try {
            data.updateBenchmark(violationCode, circumstance, minFine, maxFine, exemptEligible, version);
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/screening/benchmark";
    }

    @GetMapping("/screening/settings")
    String settings(Model model) {
        model.addAttribute("settings", settings.list());
        model.addAttribute("rules", settings.rules());
        return "screening/settings";
    }

    @PostMapping("/screening/settings/{key}")
    String updateSetting(@PathVariable String key, @RequestParam(required = false) String value,
            @RequestParam long version, RedirectAttributes redirect) {
        try {
            settings.update(key, value, version);
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (BusinessRuleViolation refusal) {
            Flash.refused(redirect, refusal);
        }
        return "redirect:/screening/settings";
    }

    @PostMapping("/screening/rules/{code}")
    String enableRule(@PathVariable String code, @RequestParam boolean enabled, @RequestParam long version,
            RedirectAttributes redirect) {
        if (!ScreeningRules.SQL.containsKey(code)) {
            throw new org.duban.shared.NotFoundException("rule " + code);
        }
        settings.enable(code, enabled, version);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/screening/settings";
    }

    @GetMapping("/screening/runs")
    String runs(Model model) {
        model.addAttribute("runs", data.runs());
        return "screening/runs";
    }

    @PostMapping("/screening/runs")
    String run(RedirectAttributes redirect) {
        Screening.RunResult result = screening.run(Screening.Trigger.WEB, CurrentUser.actor(), null);
        redirect.addFlashAttribute("flash", "screening.flash.run");
        redirect.addFlashAttribute("runFindings", result.findingCount());
        return "redirect:/screening/runs";
    }

    private Map<UUID, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
    }

}

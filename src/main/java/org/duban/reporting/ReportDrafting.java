package org.duban.reporting;

import org.duban.campaign.Campaign;
import org.duban.campaign.Phase;
import org.duban.organization.OrgUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drafts a report's title and narrative from its figures, in the document language. The
 * drafts are a starting point: the work team edits every section before the leading group
 * approves.
 */
@Component
class ReportDrafting {

    record Sections(String progress, String results, String problems, String suggestions) {
    }

    static final int OVERDUE_ITEMS = 10;

    private final MessageSource messages;

    private final ReportFigures figures;

    ReportDrafting(MessageSource messages, ReportFigures figures) {
        this.messages = messages;
        this.figures = figures;
    }

    String title(ReportKind kind, LocalDate period, Campaign campaign) {
        return m("report.title." + kind, String.valueOf(period.getYear()), String.valueOf(period.getMonthValue()),
                campaign.title());
    }

    /**
     * Every sentence that states a fact comes from the data: the phase (for a monthly
     * report the phases of that month, not of today), the key tasks done and — by name —
     * not done, the figures, the problem categories and the overdue problems. What cannot
     * be counted (experience, measures, next steps) is left for the work team.
     */
    Sections draft(ReportKind kind, OrgUnit bureau, LocalDate period, List<Figure> drafted, Campaign campaign,
            LocalDate today) {
        List<Phase> phases = kind == ReportKind.MONTHLY
                ? campaign.phasesBetween(period.withDayOfMonth(1), period.withDayOfMonth(period.lengthOfMonth()))
                : campaign.currentPhase(today).stream().toList();
        String phase = phases.stream().map(p -> m("phase." + p.name())).collect(Collectors.joining(m("draft.and")));
        String progress = phases.isEmpty()
                ? m("draft.progress." + kind + ".noPhase", bureau.name(), campaign.title(), "",
                        String.valueOf(period.getYear()), String.valueOf(period.getMonthValue()), date(today))
                : m("draft.progress." + kind + (phases.size() > 1 ? ".phases" : ""), bureau.name(), campaign.title(),
                        phase, String.valueOf(period.getYear()), String.valueOf(period.getMonthValue()), date(today));
        if (kind != ReportKind.SPECIAL) {
            LocalDate dueBy = kind == ReportKind.MONTHLY ? period.withDayOfMonth(period.lengthOfMonth()) : null;
            progress = progress + System.lineSeparator() + tasks(figures.keyTasks(bureau, campaign.id(), dueBy), dueBy);
        }
        String list = drafted.stream()
            .filter(f -> f.value() != null && !f.key().contains("."))
            .map(f -> m("draft.figure", m("figure." + f.key()), format(f)))
            .collect(Collectors.joining(m("draft.separator")));
        String results = list.isEmpty() ? "" : m("draft.results", list);
        return new Sections(progress, results, problems(kind, bureau, period, drafted, today), "");
    }

    /**
     * How many key tasks (due by the month's end, or all) are accepted, and which are
     * not, with their state.
     */
    String tasks(List<ReportFigures.TaskItem> tasks, LocalDate dueBy) {
        if (tasks.isEmpty()) {
            return dueBy == null ? m("draft.tasks.none") : m("draft.tasks.noneDue", date(dueBy));
        }
        List<ReportFigures.TaskItem> open = tasks.stream().filter(t -> !t.done()).toList();
        String head = dueBy == null ? m("draft.tasks.all", tasks.size(), tasks.size() - open.size())
                : m("draft.tasks.due", date(dueBy), tasks.size(), tasks.size() - open.size());
        if (open.isEmpty()) {
            return head + m("draft.tasks.allDone");
        }
        String list = open.stream()
            .map(t -> m("draft.tasks.item", t.title(), t.unitName(), m("keytask.status." + t.status()), t.percent(),
                    date(t.deadline())))
            .collect(Collectors.joining(m("draft.separator")));
        return head + m("draft.tasks.open", open.size(), list);
    }

    private String date(LocalDate d) {
        return m("doc.date", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getDayOfMonth()));
    }

    /**
     * The categories with most problems found, then the overdue items by name
     * (confidential ones only counted).
     */
    private String problems(ReportKind kind, OrgUnit bureau, LocalDate period, List<Figure> drafted, LocalDate today) {
        StringBuilder text = new StringBuilder();
        String categories = drafted.stream()
            .filter(f -> f.key().startsWith("category.") && f.value().signum() > 0)
            .sorted((a, b) -> b.value().compareTo(a.value()))
            .map(f -> m("draft.figure", m("figure." + f.key()), format(f)))
            .collect(Collectors.joining(m("draft.separator")));
        if (!categories.isEmpty()) {
            text.append(m("draft.categories", categories));
        }
        LocalDate to = ReportFigures.window(kind, period)[1];
        java.math.BigDecimal overdue = drafted.stream()
            .filter(f -> f.key().equals("problemsOverdue"))
            .map(Figure::value)
            .findFirst()
            .orElse(java.math.BigDecimal.ZERO);
        if (overdue.signum() > 0) {
            text.append(System.lineSeparator()).append(m("draft.overdue", overdue.toPlainString()));
            for (ReportFigures.OverdueItem item : figures.overdueItems(bureau, to, today, OVERDUE_ITEMS)) {
                text.append(System.lineSeparator())
                    .append(m("draft.overdueItem", item.reference(), item.unitName(), item.description()));
            }
        }
        return text.toString().strip();
    }

    static String format(Figure f) {
        return f.value().stripTrailingZeros().toPlainString() + (f.percent() ? "%" : "");
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Reports.DOCUMENT_LOCALE);
    }

}

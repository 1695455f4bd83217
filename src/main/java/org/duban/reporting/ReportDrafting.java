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
 * Drafts a report's title and narrative from its figures, in the document language. The drafts are a starting
 * point: the work team edits every section before the leading group approves.
 */
@Component
class ReportDrafting {

    record Sections(String progress, String results, String problems, String suggestions) {
    }

    private final MessageSource messages;

    ReportDrafting(MessageSource messages) {
        this.messages = messages;
    }

    String title(ReportKind kind, LocalDate period, Campaign campaign) {
        return m("report.title." + kind, String.valueOf(period.getYear()), String.valueOf(period.getMonthValue()),
                campaign.title());
    }

    Sections draft(ReportKind kind, OrgUnit bureau, LocalDate period, List<Figure> figures, Campaign campaign,
                   LocalDate today) {
        String phase = campaign.currentPhase(kind == ReportKind.MONTHLY
                        ? period.withDayOfMonth(period.lengthOfMonth()) : today)
                .map(Phase::name).map(p -> m("phase." + p)).orElse(m("draft.noPhase"));
        String progress = m("draft.progress." + kind, bureau.name(), campaign.title(), phase,
                String.valueOf(period.getYear()), String.valueOf(period.getMonthValue()));
        String list = figures.stream().filter(f -> f.value() != null)
                .map(f -> m("draft.figure", m("figure." + f.key()), format(f)))
                .collect(Collectors.joining(m("draft.separator")));
        String results = list.isEmpty() ? "" : m("draft.results", list);
        return new Sections(progress, results, "", "");
    }

    static String format(Figure f) {
        return f.value().stripTrailingZeros().toPlainString() + (f.percent() ? "%" : "");
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Reports.DOCUMENT_LOCALE);
    }
}

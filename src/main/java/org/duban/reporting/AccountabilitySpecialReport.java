package org.duban.reporting;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnit;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 追责问责、容错免责情况专题报告: every decided case — person or unit, handling, grounds, the deciding
 * meeting and date, the problem behind it — with counts by handling and by problem
 * category, laid out as a GB/T 9704 document. Reads only the view
 * {@code reporting_accountability_case} (decided cases). With {@code anonymise} every
 * name is replaced by "当事人N" (also where the name recurs in the grounds), for circulation
 * beyond the leading group.
 */
@Component
class AccountabilitySpecialReport {

    record Case(UUID unitId, String unitName, String subject, String person, String kind, String grounds,
            String meeting, LocalDate decidedOn, String problemReference, String problemCategory) {
    }

    private final JdbcClient jdbc;

    private final MessageSource messages;

    private final ReportDocuments documents;

    AccountabilitySpecialReport(JdbcClient jdbc, MessageSource messages, ReportDocuments documents) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    List<Case> cases(DataScope scope) {
        return jdbc.sql("""
                select c.*, u.name as unit_name from reporting_accountability_case c
                join org_unit u on u.id = c.unit_id
                where c.unit_id = any(:units) order by c.decided_on, c.problem_reference, c.id
                """)
            .param("units", scope.unitArray())
            .query((rs, n) -> new Case(rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
                    rs.getString("subject"), rs.getString("person"), rs.getString("kind"), rs.getString("grounds"),
                    rs.getString("meeting"), rs.getDate("decided_on").toLocalDate(), rs.getString("problem_reference"),
                    rs.getString("problem_category")))
            .list();
    }

    OfficialDocument document(OrgUnit bureau, List<Case> cases, boolean anonymise, LocalDate today) {
        List<OfficialDocument.Block> body = new ArrayList<>();
        long measures = cases.stream().filter(c -> measure(c.kind())).count();
        long persons = cases.stream().filter(c -> measure(c.kind()) && "PERSON".equals(c.subject())).count();
        long exemptions = cases.stream().filter(c -> "FAULT_TOLERANCE_EXEMPTION".equals(c.kind())).count();
        long none = cases.stream().filter(c -> "NO_ACTION".equals(c.kind())).count();
        body.add(new OfficialDocument.Heading1(m("special.heading.overview")));
        body.add(new OfficialDocument.Paragraph(
                cases.isEmpty() ? m("special.overview.none", bureau.name()) : m("special.overview", bureau.name(),
                        cases.size(), measures, persons, measures - persons, exemptions, none)));

        body.add(new OfficialDocument.Heading1(m("special.heading.counts")));
        body.add(new OfficialDocument.Heading2(m("special.heading.byKind")));
        body.add(new OfficialDocument.Table(List.of(m("special.column.kind"), m("special.column.count")),
                counts(cases, c -> m("accountability.kind." + c.kind()))));
        body.add(new OfficialDocument.Heading2(m("special.heading.byCategory")));
        body.add(new OfficialDocument.Table(List.of(m("special.column.category"), m("special.column.count")),
                counts(cases, c -> m("figure.category." + c.problemCategory()))));

        body.add(new OfficialDocument.Heading1(m("special.heading.cases")));
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        int n = 0;
        for (Case c : cases) {
            String who = "UNIT".equals(c.subject()) ? c.unitName() : c.person();
            String grounds = c.grounds() == null ? "" : c.grounds();
            if (anonymise && c.person() != null && "PERSON".equals(c.subject())) {
                String alias = aliases.computeIfAbsent(c.person(), p -> m("special.alias", aliases.size() + 1));
                who = alias;
                grounds = grounds.replace(c.person(), alias);
            }
            rows.add(List.of(String.valueOf(++n), who, c.unitName(), m("accountability.kind." + c.kind()), grounds,
                    m("special.decision", c.meeting() == null ? "" : c.meeting(), documents.date(c.decidedOn())),
                    c.problemReference() + " " + m("figure.category." + c.problemCategory())));
        }
        body.add(new OfficialDocument.Table(List.of(m("special.column.number"), m("special.column.who"),
                m("special.column.unit"), m("special.column.kind"), m("special.column.grounds"),
                m("special.column.decision"), m("special.column.problem")), rows));
        String date = documents.date(today);
        return new OfficialDocument(m("doc.agencyMark", bureau.name()), "", null, null,
                m("special.title", bureau.name()) + (anonymise ? m("special.title.anonymised") : ""), null, body,
                bureau.name(), date, null, m("doc.printer", bureau.name()), m("doc.printed", date));
    }

    static boolean measure(String kind) {
        return !"FAULT_TOLERANCE_EXEMPTION".equals(kind) && !"NO_ACTION".equals(kind);
    }

    private static List<List<String>> counts(List<Case> cases, java.util.function.Function<Case, String> label) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cases.forEach(c -> counts.merge(label.apply(c), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList();
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Reports.DOCUMENT_LOCALE);
    }

}

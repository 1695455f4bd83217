package org.duban.reporting;

import org.duban.organization.OrgUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns a report (working copy or frozen version) into an {@link OfficialDocument}: one layout for .docx and preview. */
@Component
class ReportDocuments {

    /** The content of a report at one moment, whichever copy it comes from. */
    record Content(String title, String documentNumber, String signer, String addressee, String copyTo,
                   String progress, String results, String problems, String suggestions, List<Figure> figures,
                   LocalDate date) {

        static Content of(ReportVersion v, List<Figure> figures, LocalDate date) {
            return new Content(v.title(), v.documentNumber(), v.signer(), v.addressee(), v.copyTo(), v.progress(),
                    v.results(), v.problems(), v.suggestions(), figures, date);
        }
    }

    private final MessageSource messages;

    ReportDocuments(MessageSource messages) {
        this.messages = messages;
    }

    OfficialDocument document(OrgUnit bureau, Content c) {
        List<OfficialDocument.Block> body = new ArrayList<>();
        section(body, "doc.heading.progress", c.progress());
        body.add(new OfficialDocument.Heading1(m("doc.heading.results")));
        if (!c.figures().isEmpty()) {
            body.add(new OfficialDocument.Heading2(m("doc.heading.figures")));
            List<List<String>> rows = c.figures().stream()
                    .map(f -> List.of(m("figure." + f.key()), f.value() == null ? m("doc.noValue")
                            : ReportDrafting.format(f)))
                    .toList();
            body.add(new OfficialDocument.Table(List.of(m("doc.column.figure"), m("doc.column.value")), rows));
            if (c.results() != null && !c.results().isBlank()) {
                body.add(new OfficialDocument.Heading2(m("doc.heading.resultsText")));
            }
        }
        if (c.results() != null && !c.results().isBlank()) {
            body.add(new OfficialDocument.Paragraph(c.results()));
        }
        section(body, "doc.heading.problems", c.problems());
        section(body, "doc.heading.suggestions", c.suggestions());
        String date = date(c.date());
        return new OfficialDocument(m("doc.agencyMark", bureau.name()), c.documentNumber(),
                c.signer() == null ? null : m("doc.signerLabel"), c.signer(), c.title(), c.addressee(), body,
                bureau.name(), date,
                c.copyTo() == null || c.copyTo().isBlank() ? null : m("doc.copyTo", c.copyTo()),
                m("doc.printer", bureau.name()), m("doc.printed", date));
    }

    String fileName(Content c) {
        return c.title().replaceAll("[\\\\/:*?\"<>|]", "_") + ".docx";
    }

    String date(LocalDate d) {
        return m("doc.date", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getDayOfMonth()));
    }

    private void section(List<OfficialDocument.Block> body, String heading, String text) {
        body.add(new OfficialDocument.Heading1(m(heading)));
        if (text != null && !text.isBlank()) {
            body.add(new OfficialDocument.Paragraph(text));
        }
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Reports.DOCUMENT_LOCALE);
    }
}

package org.duban.reporting;

import org.duban.organization.OrgUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a report (working copy or frozen version) into an {@link OfficialDocument}: one
 * layout for .docx and preview.
 */
@Component
class ReportDocuments {

    /** The content of a report at one moment, whichever copy it comes from. */
    record Content(String title, String documentNumber, String signer, String addressee, String copyTo, String progress,
            String results, String problems, String suggestions, List<Figure> figures, LocalDate date) {

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
        List<Figure> headline = c.figures().stream().filter(f -> !f.key().contains(".")).toList();
        List<Figure> categories = c.figures().stream().filter(f -> f.key().startsWith("category.")).toList();
        List<Figure> sources = c.figures().stream().filter(f -> f.key().startsWith("source.")).toList();
        List<Figure> channels = c.figures().stream().filter(f -> f.key().startsWith("channel.")).toList();
        int n = 0;
        n = table(body, n, "doc.heading.figures", headline);
        n = table(body, n, "doc.heading.categories", categories);
        n = table(body, n, "doc.heading.sources", sources);
        n = table(body, n, "doc.heading.channels", channels);
        if (n > 0 && c.results() != null && !c.results().isBlank()) {
            body.add(new OfficialDocument.Heading2(m("doc.heading.resultsText", numeral(n + 1))));
        }
        if (c.results() != null && !c.results().isBlank()) {
            body.add(new OfficialDocument.Paragraph(c.results()));
        }
        section(body, "doc.heading.problems", c.problems());
        section(body, "doc.heading.suggestions", c.suggestions());
        String date = date(c.date());
        return new OfficialDocument(m("doc.agencyMark", bureau.name()), c.documentNumber(),
                c.signer() == null ? null : m("doc.signerLabel"), c.signer(), c.title(), c.addressee(), body,
                bureau.name(), date, c.copyTo() == null || c.copyTo().isBlank() ? null : m("doc.copyTo", c.copyTo()),
                m("doc.printer", bureau.name()), m("doc.printed", date));
    }

    /**
     * A second-level heading （一）（二）… with a table of figures; returns the number of
     * headings so far.
     */
    private int table(List<OfficialDocument.Block> body, int n, String heading, List<Figure> figures) {
        if (figures.isEmpty()) {
            return n;
        }
        body.add(new OfficialDocument.Heading2(m(heading, numeral(n + 1))));
        List<List<String>> rows = figures.stream()
            .map(f -> List.of(m("figure." + f.key()), f.value() == null ? m("doc.noValue") : ReportDrafting.format(f)))
            .toList();
        body.add(new OfficialDocument.Table(List.of(m("doc.column.figure"), m("doc.column.value")), rows));
        return n + 1;
    }

    /** Chinese numerals for headings, from the bundle (一 … 十). */
    private String numeral(int n) {
        return m("doc.numeral." + n);
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

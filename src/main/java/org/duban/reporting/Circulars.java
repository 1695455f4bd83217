package org.duban.reporting;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Other modules' official documents (通报 and the like) in the same GB/T 9704 layout as the
 * reports: the caller gives the texts, this writes the .docx with
 * {@link OfficialDocumentWriter}.
 */
@Component
public class Circulars {

    /** A first-level heading (already numbered, e.g. "一、基本情况") and its text. */
    public record Section(String heading, String text) {
    }

    /**
     * The document: issuing bureau, number, title, addressee (with colon), sections,
     * date.
     */
    public record Circular(String issuer, String documentNumber, String title, String addressee, List<Section> sections,
            LocalDate date) {
    }

    private final OfficialDocumentWriter writer;

    private final ReportDocuments documents;

    private final MessageSource messages;

    Circulars(OfficialDocumentWriter writer, ReportDocuments documents, MessageSource messages) {
        this.writer = writer;
        this.documents = documents;
        this.messages = messages;
    }

    public void write(Circular c, OutputStream out) throws IOException {
        List<OfficialDocument.Block> body = new ArrayList<>();
        for (Section s : c.sections()) {
            body.add(new OfficialDocument.Heading1(s.heading()));
            if (s.text() != null && !s.text().isBlank()) {
                body.add(new OfficialDocument.Paragraph(s.text()));
            }
        }
        String date = documents.date(c.date());
        writer.write(new OfficialDocument(m("doc.agencyMark", c.issuer()),
                c.documentNumber() == null ? "" : c.documentNumber(), null, null, c.title(), c.addressee(), body,
                c.issuer(), date, null, m("doc.printer", c.issuer()), m("doc.printed", date)), out);
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, Reports.DOCUMENT_LOCALE);
    }

}

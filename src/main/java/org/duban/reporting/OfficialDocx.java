package org.duban.reporting;

import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The GB/T 9704 document writer for other modules: a downward document (no signer) of
 * paragraphs and one table, laid out exactly as the reports are. Every text is already
 * formatted by the caller.
 */
@Component
public class OfficialDocx {

    private final OfficialDocumentWriter writer;

    OfficialDocx(OfficialDocumentWriter writer) {
        this.writer = writer;
    }

    /**
     * @param agencyMark the red head (发文机关标志), e.g. "… 文件"
     * @param number 发文字号 or a slip's number
     * @param paragraphs body paragraphs, before the table
     * @param header the table's header, or an empty list for no table
     * @param after body paragraphs after the table
     * @param date the date in Arabic numerals, e.g. 2023年6月5日
     * @param printed 印发日期 with its suffix
     */
    public byte[] write(String agencyMark, String number, String title, String addressee, List<String> paragraphs,
            List<String> header, List<List<String>> rows, List<String> after, String signature, String date,
            String printer, String printed) {
        List<OfficialDocument.Block> body = new java.util.ArrayList<>();
        paragraphs.forEach(p -> body.add(new OfficialDocument.Paragraph(p)));
        if (!header.isEmpty()) {
            body.add(new OfficialDocument.Table(header, rows));
        }
        after.forEach(p -> body.add(new OfficialDocument.Paragraph(p)));
        OfficialDocument document = new OfficialDocument(agencyMark, number, null, null, title, addressee, body,
                signature, date, null, printer, printed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(document, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}

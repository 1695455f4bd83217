package org.duban.reporting;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Lays out an {@link OfficialDocument} as a {@code .docx} per GB/T 9704-2012. Every
 * format lives in a named Word style (so an office can restyle the template and WPS/Word
 * show the style names), the page is A4 with the standard's margins, and the document
 * grid gives 22 lines of 28 characters.
 *
 * <p>
 * Dimensions: Word measures in twips (1/1440 inch, 56.69 per mm) and font sizes in
 * half-points.
 */
@Component
class OfficialDocumentWriter {

    static final int PAGE_WIDTH = 11906; // 210 mm
    static final int PAGE_HEIGHT = 16838; // 297 mm
    static final int MARGIN_TOP = mm(37);
    static final int MARGIN_LEFT = mm(28);
    static final int TEXT_WIDTH = mm(156);
    static final int TEXT_HEIGHT = mm(225);
    static final int MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH;
    static final int MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT;
    static final int LINES_PER_PAGE = 22;
    static final int CHARS_PER_LINE = 28;

    /** 225 mm / 22 lines, in twips: the exact line height of body text. */
    static final int LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE;
    static final int SIZE_2 = 44; // 2号 = 22 pt
    static final int SIZE_3 = 32; // 3号 = 16 pt
    static final int SIZE_4 = 28; // 4号 = 14 pt
    static final int SIZE_MARK = 72; // the agency mark, 36 pt (at most 15 mm high per
                                     // GB/T 9704 7.2.4)

    /** One character of 3号 text, in twips (16 pt). */
    static final int CHAR_3 = 320;
    static final int CHAR_4 = 280;

    private final Properties fonts = new Properties();

    OfficialDocumentWriter() {
        try (InputStream in = getClass().getResourceAsStream("/reporting/gbt9704.properties")) {
            fonts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int mm(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }

    /**
     * The character spacing of body text (w:spacing in rPr, twentieths of a point,
     * rounded down): 28 characters of 16 pt must fit the 156 mm line, so each gives up a
     * little (-5: 28 × 15.75 pt = 441 pt of 442.2 pt).
     */
    static int charSpacing() {
        double pitchTwentieths = TEXT_WIDTH / (double) CHARS_PER_LINE;
        return (int) Math.floor(pitchTwentieths - SIZE_3 * 10);
    }

    void write(OfficialDocument document, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            fontTable(doc);
            page(doc);
            footers(doc);
            head(doc, document);
            XWPFParagraph title = paragraph(doc, "DocTitle");
            run(title, document.title());
            paragraph(doc, "BlankLine");
            if (document.addressee() != null) {
                run(paragraph(doc, "Addressee"), document.addressee());
            }
            for (OfficialDocument.Block block : document.body()) {
                if (block instanceof OfficialDocument.Heading1 h) {
                    run(paragraph(doc, "Heading1"), h.text());
                }
                else if (block instanceof OfficialDocument.Heading2 h) {
                    run(paragraph(doc, "Heading2"), h.text());
                }
                else if (block instanceof OfficialDocument.Paragraph p) {
                    for (String line : p.text().split("\\R+")) {
                        if (!line.isBlank()) {
                            run(paragraph(doc, "Normal"), line.strip());
                        }
                    }
                }
                else if (block instanceof OfficialDocument.Table t) {
                    table(doc, t);
                }
            }
            signature(doc, document);
            imprint(doc, document);
            doc.write(out);
        }
    }

    private void head(XWPFDocument doc, OfficialDocument document) {
        run(paragraph(doc, "AgencyMark"), document.agencyMark());
        paragraph(doc, "BlankLine");
        paragraph(doc, "BlankLine");
        XWPFParagraph number = paragraph(doc, "DocNumber");
        if (document.signerLabel() != null) {
            // Upward document (上行文): number one character in from the left, signer one
            // character in from the
            // right, same line. Tab stops rather than indentation, so the red line below
            // spans the whole text width.
            number.setAlignment(ParagraphAlignment.LEFT);
            tab(number, STTabJc.LEFT, CHAR_3);
            tab(number, STTabJc.RIGHT, TEXT_WIDTH - CHAR_3);
            number.createRun().addTab();
            run(number, document.documentNumber());
            number.createRun().addTab();
            run(number, document.signerLabel());
            XWPFRun signer = number.createRun();
            signer.setText(document.signer());
            signer.setFontFamily(fonts.getProperty("heading2.font"), XWPFRun.FontCharRange.eastAsia);
        }
        else {
            run(number, document.documentNumber());
        }
        paragraph(doc, "BlankLine");
        paragraph(doc, "BlankLine");
    }

    private void signature(XWPFDocument doc, OfficialDocument document) {
        paragraph(doc, "BlankLine");
        paragraph(doc, "BlankLine");
        // Agency centred above the date; the date four characters in from the right (GB/T
        // 9704 7.3.5.2).
        double axis = 4 + document.date().length() / 2.0;
        double agencyIndent = Math.max(0, axis - document.signature().length() / 2.0);
        XWPFParagraph agency = paragraph(doc, "Signature");
        agency.setIndentationRight((int) Math.round(agencyIndent * CHAR_3));
        agency.setKeepNext(true); // agency and date on one page
        run(agency, document.signature());
        XWPFParagraph date = paragraph(doc, "Signature");
        date.setIndentationRight(4 * CHAR_3);
        run(date, document.date());
    }

    /**
     * 版记 (GB/T 9704 7.4): 抄送 and 印发 lines between separator lines, thick first and last,
     * thin between, at the foot of the last page. A floating table (w:tblpPr) pinned to
     * the bottom of the text block: its top and bottom borders are the thick rules, its
     * inside horizontal border the thin one, and it is anchored in the document's last
     * paragraph, which follows the signature. A paragraph frame (w:framePr) lost its
     * border lines in LibreOffice; table borders survive.
     *
     * <p>
     * Horizontally it is positioned against the page edge (at the left margin), not
     * against the margin: LibreOffice (writerfilter's floating-table heuristic) imports a
     * floating table as full-width inline table, that is in the flow again, when it is as
     * wide as the text area relative to the margin, but keeps it floating when text could
     * still fit beside it relative to the page.
     */
    private void imprint(XWPFDocument doc, OfficialDocument document) {
        boolean copy = document.copyTo() != null && !document.copyTo().isBlank();
        XWPFTable table = doc.createTable(copy ? 2 : 1, 1);
        var tblPr = table.getCTTbl().getTblPr();
        var position = tblPr.addNewTblpPr();
        position.setHorzAnchor(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor.PAGE);
        position.setTblpX(BigInteger.valueOf(MARGIN_LEFT));
        position.setVertAnchor(org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor.MARGIN);
        position.setTblpYSpec(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign.BOTTOM);
        position.setLeftFromText(BigInteger.ZERO);
        position.setRightFromText(BigInteger.ZERO);
        position.setTopFromText(BigInteger.valueOf(LINE_PITCH));
        position.setBottomFromText(BigInteger.ZERO);
        tblPr.addNewTblOverlap().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblOverlap.NEVER);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        tblPr.addNewTblLayout().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        // Cell margins of zero written out (POI's setCellMargins leaves zeros out):
        // LibreOffice otherwise applies
        // Word's default 0.19 cm and moves the table's left edge that far out of the text
        // block.
        var margins = tblPr.addNewTblCellMar();
        for (var side : new org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth[] { margins.addNewLeft(),
                margins.addNewRight() }) {
            side.setW(BigInteger.ZERO);
            side.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        }
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        (grid.sizeOfGridColArray() > 0 ? grid.getGridColArray(0) : grid.addNewGridCol())
            .setW(BigInteger.valueOf(TEXT_WIDTH));
        int row = 0;
        if (copy) {
            XWPFParagraph line = imprintLine(table, row++);
            line.createRun().addTab();
            run(line, document.copyTo());
        }
        XWPFParagraph printed = imprintLine(table, row);
        printed.createRun().addTab();
        run(printed, document.printer());
        printed.createRun().addTab();
        run(printed, document.printed());
        // The anchor: the floating table belongs to the paragraph after it, the
        // document's last.
        paragraph(doc, "BlankLine");
    }

    private static XWPFParagraph imprintLine(XWPFTable table, int row) {
        XWPFTableCell cell = table.getRow(row).getCell(0);
        cell.setWidth(String.valueOf(TEXT_WIDTH));
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle("Imprint");
        return p;
    }

    private void table(XWPFDocument doc, OfficialDocument.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth("100%");
        fill(table.getRow(0), t.header(), true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), false);
        }
        paragraph(doc, "BlankLine");
    }

    private void fill(XWPFTableRow row, java.util.List<String> cells, boolean header) {
        if (header) {
            row.setRepeatHeader(true);
        }
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(header ? "TableHeader" : "TableText");
            run(p, cells.get(c));
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        return p;
    }

    private static void run(XWPFParagraph p, String text) {
        p.createRun().setText(text == null ? "" : text);
    }

    private static void tab(XWPFParagraph p, STTabJc.Enum kind, int position) {
        var pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        var tabs = pPr.isSetTabs() ? pPr.getTabs() : pPr.addNewTabs();
        CTTabStop stop = tabs.addNewTab();
        stop.setVal(kind);
        stop.setPos(BigInteger.valueOf(position));
    }

    private void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        var margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setHeader(BigInteger.valueOf(mm(15)));
        // The page number's top edge 7 mm below the text block (GB/T 9704 7.5): footer
        // baseline about 23 mm up.
        margins.setFooter(BigInteger.valueOf(mm(23)));
        margins.setGutter(BigInteger.ZERO);
        var grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        // A line grid only: a character grid (linesAndChars + charSpace) is laid out
        // differently by LibreOffice
        // (and WPS) than by Word; LibreOffice spread characters over two grid cells, 17
        // characters a line and
        // table cells one character wide. The 28 characters a line come from the body
        // styles' character spacing.
        grid.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
    }

    /**
     * Page numbers "— 1 —" in 4号 SimSun: odd pages at the right, even pages at the left,
     * one character in.
     */
    private void footers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setStyle("PageNumber");
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(CHAR_4);
        }
        else {
            p.setIndentationLeft(CHAR_4);
        }
        p.createRun().setText("\u2014 ");
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        field.addNewR().addNewT().setStringValue("1");
        p.createRun().setText(" \u2014");
    }

    /**
     * Registers the fonts with fallbacks (w:altName) so Word and WPS substitute sensibly
     * where one is missing.
     */
    private void fontTable(XWPFDocument doc) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (String role : new String[] { "title", "body", "heading1", "heading2", "page" }) {
            // The generic family (roman: serif, swiss: sans) guides substitution where
            // neither font is installed.
            String family = role.equals("heading1") ? "swiss" : "roman";
            xml.append("<w:font w:name=\"")
                .append(escape(fonts.getProperty(role + ".font")))
                .append("\">")
                .append("<w:altName w:val=\"")
                .append(escape(fonts.getProperty(role + ".fallback")))
                .append("\"/>")
                .append("<w:charset w:val=\"86\"/><w:family w:val=\"")
                .append(family)
                .append("\"/><w:pitch w:val=\"variable\"/>")
                .append("</w:font>");
        }
        xml.append("<w:font w:name=\"")
            .append(escape(fonts.getProperty("latin.font")))
            .append("\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>")
            .append("</w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage()
                .createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (OutputStream os = part.getOutputStream()) {
                os.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart()
                .addRelationship(name, TargetMode.INTERNAL,
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
        }
        catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private void styles(XWPFDocument doc) {
        String body = fonts.getProperty("body.font");
        String latin = fonts.getProperty("latin.font");
        String exact = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + LINE_PITCH + "\" w:lineRule=\"exact\"/>";
        String xml = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:docDefaults><w:rPrDefault><w:rPr>" + fontsXml(latin, body) + "<w:kern w:val=\"2\"/>"
                + size(SIZE_3) + "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
                + "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/>" + exact
                + "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                + style("Normal", "Normal", true, null,
                        "<w:ind w:firstLineChars=\"200\" w:firstLine=\"" + 2 * CHAR_3 + "\"/>",
                        "<w:spacing w:val=\"" + charSpacing() + "\"/>")
                + style("BlankLine", "Blank Line", false, null, NO_INDENT, "")
                + style("AgencyMark", "Agency Mark", false, null,
                        NO_GRID + "<w:spacing w:before=\"" + mm(35)
                                + "\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>" + NO_INDENT
                                + "<w:jc w:val=\"center\"/>",
                        fontsXml(latin, fonts.getProperty("mark.font")) + "<w:color w:val=\"FF0000\"/>" + NO_SPACING
                                + "<w:w w:val=\"80\"/>" + size(SIZE_MARK))
                + style("DocNumber", "Document Number", false, null,
                        "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" w:color=\"FF0000\"/></w:pBdr>"
                                + NO_INDENT + "<w:jc w:val=\"center\"/>",
                        "")
                + style("DocTitle", "Document Title", false, null,
                        NO_GRID + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + (SIZE_2 * 15)
                                + "\" w:lineRule=\"exact\"/>" + NO_INDENT
                                + "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                        fontsXml(latin, fonts.getProperty("title.font")) + NO_SPACING + size(SIZE_2))
                + style("Addressee", "Addressee", false, null, NO_INDENT, "")
                + style("Heading1", "heading 1", false, 1,
                        "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"" + 2 * CHAR_3 + "\"/>"
                                + "<w:outlineLvl w:val=\"1\"/>",
                        fontsXml(latin, fonts.getProperty("heading1.font")))
                + style("Heading2", "heading 2", false, 2,
                        "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"" + 2 * CHAR_3 + "\"/>"
                                + "<w:outlineLvl w:val=\"2\"/>",
                        fontsXml(latin, fonts.getProperty("heading2.font")))
                + style("Signature", "Signature", false, null, NO_INDENT + "<w:jc w:val=\"right\"/>", "")
                + style("TableText", "Table Text", false, null,
                        NO_GRID + "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>"
                                + NO_INDENT + "<w:jc w:val=\"center\"/>",
                        NO_SPACING + size(SIZE_4))
                + style("TableHeader", "Table Header", false, null,
                        NO_GRID + "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>"
                                + NO_INDENT + "<w:jc w:val=\"center\"/>",
                        fontsXml(latin, fonts.getProperty("heading1.font")) + NO_SPACING + size(SIZE_4))
                + style("Imprint", "Imprint", false, null,
                        "<w:tabs><w:tab w:val=\"left\" w:pos=\"" + CHAR_4 + "\"/><w:tab w:val=\"right\" w:pos=\""
                                + (TEXT_WIDTH - CHAR_4) + "\"/></w:tabs>" + NO_INDENT + "<w:jc w:val=\"left\"/>",
                        NO_SPACING + size(SIZE_4))
                + style("PageNumber", "Page Number", false, null,
                        NO_GRID + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                                + NO_INDENT,
                        fontsXml(latin, fonts.getProperty("page.font")) + NO_SPACING + size(SIZE_4))
                + "</w:styles>";
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
        }
        catch (XmlException e) {
            throw new IllegalStateException("styles of the official document", e);
        }
    }

    /**
     * pPr: this paragraph's lines do not snap to the document's line grid (head, title,
     * tables, page number).
     */
    private static final String NO_GRID = "<w:snapToGrid w:val=\"0\"/>";

    /**
     * pPr: no first-line indent. Both attributes: Normal indents by w:firstLineChars,
     * which wins over w:firstLine, and a style based on Normal inherits it (LibreOffice
     * shifted the centred mark and title by two characters).
     */
    private static final String NO_INDENT = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";

    /** rPr: no character spacing (body text has {@link #charSpacing()}). */
    private static final String NO_SPACING = "<w:spacing w:val=\"0\"/>";

    private static String style(String id, String name, boolean isDefault, Integer headingLevel, String pPr,
            String rPr) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"" + (isDefault ? " w:default=\"1\"" : "") + ">"
                + "<w:name w:val=\"" + name + "\"/>" + (isDefault ? "" : "<w:basedOn w:val=\"Normal\"/>")
                + (headingLevel == null ? "" : "<w:next w:val=\"Normal\"/>") + "<w:qFormat/>" + "<w:pPr>" + pPr
                + "</w:pPr>" + "<w:rPr>" + rPr + "</w:rPr></w:style>";
    }

    private static String fontsXml(String latin, String eastAsia) {
        return "<w:rFonts w:ascii=\"" + escape(latin) + "\" w:hAnsi=\"" + escape(latin) + "\" w:eastAsia=\""
                + escape(eastAsia) + "\" w:cs=\"" + escape(latin) + "\"/>";
    }

    private static String size(int halfPoints) {
        return "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

}

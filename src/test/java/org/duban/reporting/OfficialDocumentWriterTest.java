package org.duban.reporting;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .docx read back with POI: page, margins, grid, named styles with their fonts, the
 * head and the imprint.
 */
class OfficialDocumentWriterTest {

    static final Pattern DOCUMENT_NUMBER = Pattern.compile("^\\S+〔\\d{4}〕[1-9]\\d*号$");

    static OfficialDocument sample() {
        return new OfficialDocument("鄂托克前旗交通运输局文件", "鄂前交发〔2023〕31号", "签发人：", "热希", "关于2023年4月交通运输执法领域突出问题专项整治工作情况的报告",
                "鄂尔多斯市交通运输局：",
                List.of(new OfficialDocument.Heading1("一、工作进展"),
                        new OfficialDocument.Paragraph("我局召开动员部署会议。\n全面开展自查自纠。"),
                        new OfficialDocument.Heading2("（一）问题查处情况"),
                        new OfficialDocument.Table(List.of("指标", "数量"), List.of(List.of("发现问题", "12")))),
                "鄂托克前旗交通运输局", "2023年4月28日", "抄送：旗委办公室，旗政府办公室。", "鄂托克前旗交通运输局办公室", "2023年4月28日印发");
    }

    static XWPFDocument writeAndRead(OfficialDocument document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OfficialDocumentWriter().write(document, out);
        Path file = Path.of("target", "reporting", "sample.docx");
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void thePageIsA4WithTheStandardMarginsAndA22By28Grid() throws Exception {
        try (XWPFDocument doc = writeAndRead(sample())) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(twipsToMm(sect.getPgSz().getW())).isCloseTo(210, org.assertj.core.data.Offset.offset(0.2));
            assertThat(twipsToMm(sect.getPgSz().getH())).isCloseTo(297, org.assertj.core.data.Offset.offset(0.2));
            assertThat(twipsToMm(sect.getPgMar().getTop())).isCloseTo(37, org.assertj.core.data.Offset.offset(0.1));
            assertThat(twipsToMm(sect.getPgMar().getLeft())).isCloseTo(28, org.assertj.core.data.Offset.offset(0.1));
            double textWidth = twipsToMm(sect.getPgSz().getW()) - twipsToMm(sect.getPgMar().getLeft())
                    - twipsToMm(sect.getPgMar().getRight());
            double textHeight = twipsToMm(sect.getPgSz().getH()) - twipsToMm(sect.getPgMar().getTop())
                    - twipsToMm(sect.getPgMar().getBottom());
            assertThat(textWidth).isCloseTo(156, org.assertj.core.data.Offset.offset(0.1));
            assertThat(textHeight).isCloseTo(225, org.assertj.core.data.Offset.offset(0.1));
            // 22 lines of the grid's pitch fill the text block's height.
            long pitch = ((BigInteger) sect.getDocGrid().getLinePitch()).longValue();
            assertThat(twipsToMm(BigInteger.valueOf(pitch * 22))).isCloseTo(225,
                    org.assertj.core.data.Offset.offset(0.5));
            // A line grid; no character grid (LibreOffice and WPS lay it out differently
            // from Word).
            assertThat(sect.getDocGrid().getType().toString()).isEqualTo("lines");
            assertThat(sect.getDocGrid().isSetCharSpace()).isFalse();
            // 28 characters of 16 pt with the body's character spacing fit the 156 mm
            // line, 29 do not.
            double spacingPt = Double
                .parseDouble(String
                    .valueOf(doc.getStyles().getStyle("Normal").getCTStyle().getRPr().getSpacingArray(0).getVal()))
                    / 20;
            assertThat(28 * (16 + spacingPt) * 25.4 / 72).isLessThanOrEqualTo(156).isGreaterThan(155);
            assertThat(29 * (16 + spacingPt) * 25.4 / 72).isGreaterThan(156);
        }
    }

    @Test
    void stylesAreNamedAndCarryTheStandardFontsAndSizes() throws Exception {
        try (XWPFDocument doc = writeAndRead(sample())) {
            assertFont(doc, "DocTitle", "方正小标宋简体", 44);
            assertFont(doc, "Heading1", "黑体", null);
            assertFont(doc, "Heading2", "楷体_GB2312", null);
            assertFont(doc, "Imprint", null, 28);
            assertFont(doc, "PageNumber", "宋体", 28);
            var defaults = doc.getStyles().getDefaultRunStyle();
            assertThat(defaults.getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(doc.getStyle().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0).getEastAsia())
                .isEqualTo("仿宋_GB2312");
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getStyles().getStyle("DocTitle").getName()).isEqualTo("Document Title");
            // Fallback fonts in the font table for computers without the Founder fonts.
            String fontTable = new String(doc.getPackage()
                .getPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/fontTable.xml"))
                .getInputStream()
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(fontTable).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"");
        }
    }

    @Test
    void theHeadCarriesTheRedMarkTheDocumentNumberAndTheSigner() throws Exception {
        try (XWPFDocument doc = writeAndRead(sample())) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph mark = paragraphs.get(0);
            assertThat(mark.getStyle()).isEqualTo("AgencyMark");
            assertThat(mark.getText()).isEqualTo("鄂托克前旗交通运输局文件");
            assertThat(doc.getStyles()
                .getStyle("AgencyMark")
                .getCTStyle()
                .getRPr()
                .getColorArray(0)
                .xgetVal()
                .getStringValue()).isEqualTo("FF0000");
            XWPFParagraph number = paragraphs.stream()
                .filter(p -> "DocNumber".equals(p.getStyle()))
                .findFirst()
                .orElseThrow();
            // A tab (one character in), the number, a tab, the signer: no indentation, so
            // the red line spans the text.
            assertThat(number.getIndentationLeft()).isLessThanOrEqualTo(0);
            String documentNumber = number.getRuns().get(1).text();
            assertThat(documentNumber).matches(DOCUMENT_NUMBER);
            assertThat(number.getText()).endsWith("签发人：热希");
            XWPFParagraph title = paragraphs.stream()
                .filter(p -> "DocTitle".equals(p.getStyle()))
                .findFirst()
                .orElseThrow();
            assertThat(title.getText()).startsWith("关于2023年4月");
            assertThat(paragraphs.stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText))
                .containsExactly("一、工作进展");
            assertThat(paragraphs.stream().filter(p -> "Normal".equals(p.getStyle())).map(XWPFParagraph::getText))
                .containsExactly("我局召开动员部署会议。", "全面开展自查自纠。");
            assertThat(doc.getTables()).hasSize(2); // the figures and the imprint
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("12");
        }
    }

    @Test
    void theImprintIsAFloatingTableAtTheFootOfTheTextBlockWithItsRules() throws Exception {
        try (XWPFDocument doc = writeAndRead(sample())) {
            var body = doc.getBodyElements();
            // Signature, then the imprint table, then the last paragraph (empty) that
            // anchors it.
            XWPFTable imprint = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(body.get(body.size() - 2)).isSameAs(imprint);
            assertThat(((XWPFParagraph) body.get(body.size() - 1)).getText()).isEmpty();
            assertThat(((XWPFParagraph) body.get(body.size() - 3)).getText()).isEqualTo("2023年4月28日");
            assertThat(imprint.getRows()).hasSize(2);
            // A tab before each line's text and between 印发机关 and 印发日期.
            assertThat(imprint.getRow(0).getCell(0).getText()).isEqualTo("\t抄送：旗委办公室，旗政府办公室。");
            assertThat(imprint.getRow(1).getCell(0).getText()).isEqualTo("\t鄂托克前旗交通运输局办公室\t2023年4月28日印发");
            var tblPr = imprint.getCTTbl().getTblPr();
            // Floating: bottom of the text block (the margin area), left edge at the left
            // margin, text width.
            var position = tblPr.getTblpPr();
            assertThat(position).isNotNull();
            assertThat(position.getVertAnchor().toString()).isEqualTo("margin");
            assertThat(position.getTblpYSpec().toString()).isEqualTo("bottom");
            assertThat(position.getHorzAnchor().toString()).isEqualTo("page");
            assertThat(twipsToMm(position.getTblpX())).isCloseTo(28, org.assertj.core.data.Offset.offset(0.1));
            assertThat(tblPr.getTblOverlap().getVal().toString()).isEqualTo("never");
            assertThat(twipsToMm(tblPr.getTblW().getW())).isCloseTo(156, org.assertj.core.data.Offset.offset(0.1));
            assertThat(twipsToMm(tblPr.getTblCellMar().getLeft().getW())).isZero();
            // Rules: thick (0.35 mm ≈ 1 pt, sz 8) first and last, thin (sz 6) between; no
            // vertical lines.
            assertThat(imprint.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(imprint.getTopBorderSize()).isEqualTo(8);
            assertThat(imprint.getBottomBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(imprint.getBottomBorderSize()).isEqualTo(8);
            assertThat(imprint.getInsideHBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(imprint.getInsideHBorderSize()).isEqualTo(6);
            assertThat(imprint.getLeftBorderType()).isEqualTo(XWPFTable.XWPFBorderType.NONE);
            assertThat(imprint.getRightBorderType()).isEqualTo(XWPFTable.XWPFBorderType.NONE);
            assertThat(imprint.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.NONE);
            // Agency and date of the signature stay on one page.
            assertThat(((XWPFParagraph) body.get(body.size() - 4)).getCTP().getPPr().isSetKeepNext()).isTrue();
        }
    }

    @Test
    void pageNumbersAreDashedOnOddAndEvenPages() throws Exception {
        try (XWPFDocument doc = writeAndRead(sample())) {
            assertThat(doc.getFooterList()).hasSize(2);
            for (var footer : doc.getFooterList()) {
                String xml = footer._getHdrFtr().xmlText();
                assertThat(xml).contains("PAGE");
                assertThat(footer.getText().strip()).isEqualTo("— 1 —");
            }
        }
    }

    @Test
    void aDocumentNumberHasHexagonalBracketsAndNoLeadingZeros() {
        assertThat("鄂前交发〔2023〕29号").matches(DOCUMENT_NUMBER);
        assertThat("鄂前交发〔2023〕029号").doesNotMatch(DOCUMENT_NUMBER);
        assertThat("鄂前交发[2023]29号").doesNotMatch(DOCUMENT_NUMBER);
        assertThat("鄂前交发〔2023〕第29号").doesNotMatch(DOCUMENT_NUMBER);
    }

    private static void assertFont(XWPFDocument doc, String styleId, String eastAsia, Integer halfPoints) {
        XWPFStyle style = doc.getStyles().getStyle(styleId);
        assertThat(style).as(styleId).isNotNull();
        var rPr = style.getCTStyle().getRPr();
        if (eastAsia != null) {
            assertThat(rPr.getRFontsArray(0).getEastAsia()).as(styleId).isEqualTo(eastAsia);
        }
        if (halfPoints != null) {
            assertThat(((BigInteger) rPr.getSzArray(0).getVal()).intValue()).as(styleId).isEqualTo(halfPoints);
        }
    }

    private static double twipsToMm(Object twips) {
        return ((BigInteger) twips).doubleValue() * 25.4 / 1440;
    }

}

package org.duban.reporting;

import java.util.List;

/**
 * An official document (公文) ready to be laid out per GB/T 9704-2012: every text already
 * formatted (document number, dates, labels), so the writer only decides where and in
 * which font each piece goes.
 *
 * @param agencyMark the issuing-agency mark (发文机关标志, the red head), e.g. "... 文件"
 * @param documentNumber 发文字号, e.g. 鄂前交发〔2023〕29号
 * @param signerLabel the label before the signer of an upward document (签发人：), or null
 * for none
 * @param signer the signer's name, printed in KaiTi after the label
 * @param title the title, 2号 小标宋, centred
 * @param addressee 主送机关, with its colon
 * @param body headings, paragraphs and tables
 * @param signature the issuing agency above the date
 * @param date the date in Arabic numerals, e.g. 2023年4月28日
 * @param copyTo the whole 抄送 line (label included), or null
 * @param printer 印发机关
 * @param printed 印发日期 with its suffix, e.g. 2023年4月28日印发
 */
record OfficialDocument(String agencyMark, String documentNumber, String signerLabel, String signer, String title,
        String addressee, List<Block> body, String signature, String date, String copyTo, String printer,
        String printed) {

    sealed interface Block {

    }

    /** A first-level heading, numbered 一、二、… in HeiTi. */
    record Heading1(String text) implements Block {
    }

    /** A second-level heading, numbered （一）（二）… in KaiTi. */
    record Heading2(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }
}

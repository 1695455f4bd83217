package org.duban.screening;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming CSV reader and the contract's number forms, without a database. */
class CsvReaderTest {

    static final String FILE = "\uFEFFcase_no,facts,fine\r\n" + "A-1,\"罚款, 未开票\",200\r\n"
            + "A-2,\"他说\"\"不给票\"\"\",50.5\n" + "A-3,\"第一行\n第二行\",0\r\n" + "\r\n" + "A-4,,\n" + "A-5,plain text here,7";

    static final List<String> EXPECTED = List.of("1:[case_no, facts, fine]", "2:[A-1, 罚款, 未开票, 200]",
            "3:[A-2, 他说\"不给票\", 50.5]", "4:[A-3, 第一行\n第二行, 0]", "7:[A-4, , ]", "8:[A-5, plain text here, 7]");

    static List<String> rows(Reader reader) throws IOException {
        List<String> rows = new ArrayList<>();
        CsvReader.read(reader, (line, cells) -> rows.add(line + ":" + cells));
        return rows;
    }

    @Test
    void quotedCellsLineBreaksAndLineNumbers() throws IOException {
        assertThat(rows(new StringReader(FILE))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void theSameWhenTheTextArrivesOneToSevenCharactersAtATime() throws IOException {
        // Every cell, quote and line end falls on a buffer boundary somewhere among these
        // reads.
        for (int chunk = 1; chunk <= 7; chunk++) {
            int size = chunk;
            Reader trickle = new StringReader(FILE) {
                @Override
                public int read(char[] buf, int off, int len) throws IOException {
                    return super.read(buf, off, Math.min(len, size));
                }
            };
            assertThat(rows(trickle)).as("chunks of %d", chunk).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void aNulCharacterRejectsItsRowInsteadOfFailingTheWholeCopy() {
        ContractFormat.Column facts = ContractFormat.CASES.columns()
            .stream()
            .filter(c -> c.name().equals("facts"))
            .findFirst()
            .orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContractFormat.CASES.read(facts, "超载\u0000运输"))
            .isInstanceOfSatisfying(ContractFormat.CellError.class,
                    e -> assertThat(e.reasonKey).isEqualTo("screening.reject.nul"));
    }

    @Test
    void aPlainNumberIsTakenAsItIsOnlyWhenBigDecimalWouldPrintItTheSame() {
        String[] samples = { "0", "7", "200", "200.5", "200.50", "0.05", "9999999999", "9999999999.99", "10000000000",
                "007", "0.5", "00.5", ".5", "5.", "5.123", "-1", "+1", "1e3", "1,000", " 1", "١٢", "12a" };
        for (String s : samples) {
            boolean plain = ContractFormat.isPlainNumber(s, 10, 2);
            if (plain) {
                BigDecimal d = new BigDecimal(s);
                assertThat(d.toPlainString()).as(s).isEqualTo(s);
                assertThat(d.precision() - d.scale()).as(s).isLessThanOrEqualTo(10);
                assertThat(d.scale()).as(s).isLessThanOrEqualTo(2);
            }
        }
        assertThat(ContractFormat.isPlainNumber("200.50", 10, 2)).isTrue();
        assertThat(ContractFormat.isPlainNumber("007", 10, 2)).isFalse();
        assertThat(ContractFormat.isPlainNumber("5.0", 9, 0)).isFalse();
        assertThat(ContractFormat.isPlainNumber("123456789", 9, 0)).isTrue();
        assertThat(ContractFormat.isPlainNumber("1234567890", 9, 0)).isFalse();
    }

}

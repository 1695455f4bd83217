package org.duban.screening;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary COPY encoder against the real server: every value written comes back as the
 * text PostgreSQL's own input functions make of the same canonical text, including
 * amounts at the edges of numeric(12, 2) and base-10000 groups, dates before and after
 * 2000-01-01, nulls and a text longer than the encoder's buffer.
 */
@DubanTest
class BinaryCopyTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyEncodingReadsBackAsTheServerWouldParseTheText() throws Exception {
        String[] amounts = { "0", "0.5", "0.05", "0.50", "1", "9999", "10000", "10000.01", "12345678.9", "200.00",
                "9999999999.99", "100000000", "20000", "3.1", "0.01" };
        String[] dates = { "2000-01-01", "1999-12-31", "2024-02-29", "1970-01-01", "2023-05-12", "2099-12-31" };
        String longText = "违法事实".repeat(30_000); // 360,000 bytes of UTF-8: more than the
                                                 // 64 kB buffer
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            rows.add(new String[] { "鄂K" + i, amounts[i], dates[i % dates.length], Integer.toString(i * 1_000_003),
                    i % 2 == 0 ? "t" : "f", i == 3 ? longText : "text " + i });
        }
        rows.add(new String[] { null, null, null, null, null, null });
        UUID id = UUID.randomUUID();
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            con.setAutoCommit(false);
            st.execute(
                    "create temp table bc (plate varchar(20), fine numeric(12, 2), decided_on date, gross_kg integer,"
                            + " flag boolean, facts text, line bigint, id uuid) on commit drop");
            BinaryCopy.Kind[] kinds = BinaryCopy.kinds(con, "bc",
                    List.of("plate", "fine", "decided_on", "gross_kg", "flag", "facts"));
            try (PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class),
                    "copy bc from stdin (format binary)")) {
                BinaryCopy out = new BinaryCopy(copy);
                long line = 1;
                for (String[] row : rows) {
                    out.startRow(8);
                    for (int i = 0; i < row.length; i++) {
                        out.field(kinds[i], row[i]);
                    }
                    out.int8(line++ * 4_000_000_000L);
                    out.uuid(row[0] == null ? null : id);
                }
                out.finish();
            }
            try (ResultSet rs = st.executeQuery("""
                    select plate, fine::text, decided_on::text, gross_kg::text, flag, facts, line, id
                    from bc order by line""")) {
                for (String[] row : rows) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(row[0]);
                    if (row[1] == null) {
                        assertThat(rs.getString(2)).isNull();
                    }
                    else {
                        assertThat(rs.getString(2))
                            .isEqualTo(new java.math.BigDecimal(row[1]).setScale(2).toPlainString());
                    }
                    assertThat(rs.getString(3)).isEqualTo(row[2]);
                    assertThat(rs.getString(4)).isEqualTo(row[3]);
                    assertThat(rs.getObject(5)).isEqualTo(row[4] == null ? null : row[4].equals("t"));
                    assertThat(rs.getString(6)).isEqualTo(row[5]);
                    assertThat(rs.getObject(8)).isEqualTo(row[0] == null ? null : id);
                }
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("select count(*) from bc where line % 4000000000 = 0")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(rows.size());
            }
            con.rollback();
        }
    }

    @Test
    void aNumericWrittenInBinaryEqualsTheSameTextParsedByTheServer() throws Exception {
        // Equality in SQL, not only the same text: the stored digits must be normalised
        // as numeric_in stores them.
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            con.setAutoCommit(false);
            st.execute("create temp table bn (t text, n numeric(12, 2)) on commit drop");
            BinaryCopy.Kind[] kinds = BinaryCopy.kinds(con, "bn", List.of("t", "n"));
            String[] amounts = { "0", "0.1", "1.1", "50", "10000", "100000000.5", "9999.99" };
            try (PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class),
                    "copy bn from stdin (format binary)")) {
                BinaryCopy out = new BinaryCopy(copy);
                for (String a : amounts) {
                    out.startRow(2);
                    out.field(kinds[0], a);
                    out.field(kinds[1], a);
                }
                out.finish();
            }
            try (ResultSet rs = st
                .executeQuery("select count(*) from bn where n = t::numeric and n::text = t::numeric(12, 2)::text")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(amounts.length);
            }
            con.rollback();
        }
    }

}

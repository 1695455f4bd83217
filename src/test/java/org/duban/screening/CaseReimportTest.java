package org.duban.screening;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.screening.ScreeningPagesTest.GOOD;
import static org.duban.screening.ScreeningPagesTest.HEADER;

/**
 * A re-import skips the rows whose key and values the table holds already (by the hash of
 * their values, docs/adr/0215-unchanged-cases-skipped-by-hash.md), and every other row is
 * compared value by value as before: the counts, the history, the later line of a key
 * twice in the file, and the cases the file holds come out as if every row had been
 * compared.
 */
@DubanTest
class CaseReimportTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @BeforeEach
    void empty() throws Exception {
        ScreeningTestData.clear(jdbc);
        ScreeningTestData.benchmark(imports);
    }

    private static String row(int n, int fine) {
        return GOOD.replace("〔2023〕1号", "〔2023〕" + n + "号").replace(",600,", "," + fine + ",");
    }

    private ImportResult load(String... rows) throws Exception {
        String csv = HEADER + String.join("", rows);
        return imports.importCases(imports.start("CASES", "cases.csv", csv.length(), "test"),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
    }

    private long id(int n) {
        return jdbc.sql("select id from screening_case where case_no = :no")
            .param("no", "鄂前交罚〔2023〕" + n + "号")
            .query(Long.class)
            .single();
    }

    private long versions() {
        return jdbc.sql("select coalesce(sum(version), 0) from screening_case").query(Long.class).single();
    }

    private long history() {
        return jdbc.sql("select count(*) from screening_case_history").query(Long.class).single();
    }

    @Test
    void anUnchangedFileChangesNothingAndNamesItsCases() throws Exception {
        load(row(1, 600), row(2, 700), row(3, 800));
        ImportResult again = load(row(1, 600), row(2, 700), row(3, 800));
        assertThat(List.of(again.inserted(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 3L);
        assertThat(versions()).isZero();
        assertThat(history()).isZero();
        assertThat(again.fileCases()).as("every case of the table: no list").isNull();
        ImportResult part = load(row(2, 700), row(4, 900), row(3, 850));
        assertThat(List.of(part.inserted(), part.updated(), part.unchanged())).containsExactly(1L, 1L, 1L);
        assertThat(part.fileCases()).as("skipped, new and changed cases of the file, not the table's others")
            .containsExactly(id(2), id(3), id(4));
        assertThat(jdbc.sql("select (old_values->>'fine')::numeric::int from screening_case_history")
            .query(Integer.class)
            .single()).isEqualTo(800);
        assertThat(jdbc.sql("select count(*) from screening_case_history where old_values -> 'row_hash' is not null")
            .query(Long.class)
            .single()).as("the hash is no value of the case").isZero();
    }

    @Test
    void theLaterLineOfAKeyTwiceInTheFileWinsWhicheverOfThemIsUnchanged() throws Exception {
        load(row(1, 600), row(2, 700));
        ImportResult first = load(row(1, 600), row(1, 650), row(2, 750), row(2, 700));
        assertThat(jdbc.sql("select fine::int from screening_case order by case_no").query(Integer.class).list())
            .as("case 1: the unchanged line first, the change later; case 2: the change first, the unchanged later")
            .containsExactly(650, 700);
        assertThat(List.of(first.updated(), history())).containsExactly(1L, 1L);
    }

    @Test
    void aCaseWithoutAHashOrWithTheSameValuesWrittenDifferentlyIsComparedOnceThenSkipped() throws Exception {
        load(row(1, 600), row(2, 700));
        jdbc.sql("update screening_case set row_hash = null where case_no like '%〔2023〕1号'").update();
        ImportResult compared = load(row(1, 600), GOOD.replace("〔2023〕1号", "〔2023〕2号").replace(",600,", ",700.00,"));
        assertThat(List.of(compared.updated(), compared.unchanged())).containsExactly(0L, 2L);
        assertThat(history()).isZero();
        assertThat(jdbc.sql("select count(*) from screening_case where row_hash is null").query(Long.class).single())
            .isZero();
        // The next import of the same file finds both hashes as they are now.
        jdbc.sql("update screening_case set version = 0").update();
        ImportResult skipped = load(row(1, 600), GOOD.replace("〔2023〕1号", "〔2023〕2号").replace(",600,", ",700.00,"));
        assertThat(skipped.unchanged()).isEqualTo(2);
        assertThat(versions()).isZero();
    }

    @Test
    void anUnknownAgencyOfAnUnchangedRowIsStillWarnedAbout() throws Exception {
        String unknown = row(1, 600).replace("旗交通运输综合行政执法大队", "某未登记的执法机构");
        load(unknown, row(2, 700));
        ImportResult again = load(unknown, row(2, 700));
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.warnings()).contains(new ImportResult.Warning("screening.warning.unknownAgency", "某未登记的执法机构"));
    }

    @Test
    void aFileOfThousandsOfCasesIsSkippedAfterItsFirstLoadWhateverThePlannerGuessedOfTheTable() throws Exception {
        String[] rows = new String[5_000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(1000 + i, 600 + i % 7);
        }
        load(rows);
        jdbc.sql("update pg_class set reltuples = -1 where oid = 'screening_case'::regclass").update();
        ImportResult again = load(rows);
        assertThat(List.of(again.inserted(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 5_000L);
        rows[4_321] = row(1000 + 4_321, 9_999);
        ImportResult changed = load(rows);
        assertThat(List.of(changed.inserted(), changed.updated(), changed.unchanged())).containsExactly(0L, 1L, 4_999L);
        assertThat(history()).isOne();
    }

    @Test
    void keysOfTheFileAreCountedOnceHoweverManyRowsTheyHave() {
        KnownCases file = KnownCases.none();
        for (int i = 0; i < 20_000; i++) {
            String agency = "机构" + i % 3;
            assertThat(file.unchanged(agency, "案" + i, file.hash(new String[] { agency, "案" + i }))).isFalse();
            assertThat(file.unchanged(agency, "案" + i, file.hash(new String[] { agency, "案" + i }))).isFalse();
        }
        assertThat(file.fileKeys()).isEqualTo(20_000);
        assertThat(file.agencies()).containsExactly("机构0", "机构1", "机构2");
        assertThat(KnownCases.keyHash("ab", "c")).isNotEqualTo(KnownCases.keyHash("a", "bc"));
    }

    @Test
    void anImportThatUpdatedTenThousandCasesLeavesTheTableVacuumed() throws Exception {
        String[] rows = new String[10_000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(20_000 + i, 600);
        }
        load(rows);
        jdbc.sql("update screening_case set row_hash = null").update();
        java.time.OffsetDateTime before = jdbc.sql("select now()").query(java.time.OffsetDateTime.class).single();
        ImportResult rehashed = load(rows);
        assertThat(rehashed.unchanged()).isEqualTo(10_000);
        java.time.OffsetDateTime vacuumed = jdbc.sql(
                "select last_vacuum from pg_stat_user_tables where relname = 'screening_case' and schemaname = 'public'")
            .query(java.time.OffsetDateTime.class)
            .single();
        assertThat(vacuumed).as("the old versions of 10,000 rehashed cases removed").isAfter(before);
    }

}

package org.duban.inspection;

import org.duban.organization.OrgUnits;
import org.duban.screening.ImportResult;
import org.duban.screening.Imports;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A draw of case files over enforcement cases imported by the screening module. */
@DubanTest
@WithWorkTeamMember
class CaseDrawTest {

    static final String HEADER = "\u6848\u53f7,\u6267\u6cd5\u673a\u6784,\u6267\u6cd5\u4e2d\u961f,\u51b3\u5b9a\u65e5\u671f,"
            + "\u8fdd\u6cd5\u884c\u4e3a\u4ee3\u7801,\u8fdd\u6cd5\u884c\u4e3a,\u60c5\u8282,\u5f53\u4e8b\u4eba\u7c7b\u578b,"
            + "\u5f53\u4e8b\u4eba,\u8bc1\u4ef6\u53f7\u7801,\u8f66\u724c\u53f7,\u7f5a\u6b3e(\u5143),\u7a0b\u5e8f,"
            + "\u544a\u77e5\u9648\u8ff0\u7533\u8fa9,\u544a\u77e5\u542c\u8bc1,\u6267\u6cd5\u4eba\u54581,\u6267\u6cd5\u4eba\u54582,"
            + "\u7f34\u6b3e\u65b9\u5f0f,\u5907\u6ce8\n";

    @Autowired
    RandomDraws draws;

    @Autowired
    OrgUnits units;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    String line(String caseNo, String date, String code) {
        // agency and squad as named in the demonstration org tree, so that the import
        // maps them to units
        return caseNo + ",\u65d7\u4ea4\u901a\u8fd0\u8f93\u7efc\u5408\u884c\u653f\u6267\u6cd5\u5927\u961f,"
                + "\u6267\u6cd5\u5927\u961f\u4e00\u4e2d\u961f," + date + "," + code + ",x,\u4e00\u822c,\u4e2a\u4eba,"
                + "\u5f20\u4e09,150627198001011234,\u8499K12345,600,\u666e\u901a,\u662f,\u662f,15062710001,15062710002,"
                + "\u94f6\u884c\u4ee3\u6536,x\n";
    }

    @Test
    void aDrawOfImportedCasesFollowsTheFiltersAndIsReproducibleAndVerifiable() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + line("D-" + tag + "-1", "2011-03-02", "DRIVER_NO_CERTIFICATE")
                + line("D-" + tag + "-2", "2011-03-15", "DRIVER_NO_CERTIFICATE")
                + line("D-" + tag + "-3", "2011-03-28", "DRIVER_NO_CERTIFICATE")
                + line("D-" + tag + "-4", "2011-05-01", "DRIVER_NO_CERTIFICATE")
                + line("D-" + tag + "-5", "2011-03-20", "OTHER_CODE");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportResult result = imports.importCases(imports.start("CASES", "cases.csv", bytes.length, "test"),
                new ByteArrayInputStream(bytes), false);
        assertThat(result.rejections()).isEmpty();

        UUID bureau = units.findByCode("OTOGQ").orElseThrow().id();
        DrawForm form = new DrawForm("case files", null, DrawForm.TargetType.CASE, bureau, null, bureau, 2, 1,
                DrawForm.SeedMode.COMMITTED, null, LocalDate.parse("2011-03-01"), LocalDate.parse("2011-03-31"),
                "DRIVER_NO_CERTIFICATE");
        List<String> inPopulation = draws.population(form, units.currentScope())
            .targets()
            .stream()
            .map(SnapshotRow::label)
            .toList();
        assertThat(inPopulation).contains("D-" + tag + "-1", "D-" + tag + "-2", "D-" + tag + "-3")
            .doesNotContain("D-" + tag + "-4", "D-" + tag + "-5");

        UUID id = draws.commit(form, units.currentScope());
        Selection selection = draws.draw(id, 0, null, units.currentScope());
        RandomDraw drawn = draws.get(id, units.currentScope());
        assertThat(drawn.filterDescription()).contains("CASE", "decided>=2011-03-01",
                "violation=DRIVER_NO_CERTIFICATE");
        assertThat(selection.picks()).hasSize(2)
            .allSatisfy(p -> assertThat(p.target().subjectType()).isEqualTo("CASE"));
        DrawSnapshot snapshot = draws.snapshot(id);
        assertThat(snapshot.sha256()).isEqualTo(drawn.snapshotHash());
        Selection again = DrawAlgorithm.select(snapshot, HexFormat.of().parseHex(drawn.seed()), 2, 1);
        assertThat(again.text()).isEqualTo(drawn.selectionText());
        assertThat(draws.verify(drawn).ok()).isTrue();

        // the cases are changed after the commitment: the frozen snapshot still verifies,
        // a fresh one does not match
        jdbc.sql("delete from screening_case where case_no = :n").param("n", "D-" + tag + "-1").update();
        assertThat(draws.population(form, units.currentScope()).sha256()).isNotEqualTo(drawn.snapshotHash());
    }

}

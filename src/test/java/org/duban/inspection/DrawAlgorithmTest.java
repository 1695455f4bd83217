package org.duban.inspection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrawAlgorithmTest {

    static final String FIXTURE = """
            role,subject_type,subject_id,unit_id,label,conflicts
            TARGET,STATION,st-1,u-1,"Station, north",
            TARGET,STAFF,s-1,u-1,张三,
            TARGET,STAFF,s-2,u-2,李四,
            TARGET,UNIT,u-3,u-3,三中队,
            TARGET,CASE,鄂前交罚〔2023〕12号,u-2,案卷12号,
            INSPECTOR,STAFF,i-1,u-1,王五,
            INSPECTOR,STAFF,i-2,u-2,赵六,UNIT:u-3
            INSPECTOR,STAFF,i-3,u-4,钱七,STAFF:s-2
            INSPECTOR,STAFF,i-4,u-4,孙八,
            INSPECTOR,STAFF,s-1,u-1,张三,
            """;
    static final byte[] SEED = HexFormat.of()
        .parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void anIndependentPythonImplementationGivesTheSameSelection() {
        // Computed with the Python script of docs/random-draws.md on the same file and
        // seed.
        DrawSnapshot snapshot = DrawSnapshot.parse(FIXTURE);
        assertThat(snapshot.sha256()).isEqualTo("1c87842b9deb333cf4f633abcb16a4d375a42810cc605c6a88a56a4e4d8be08a");
        assertThat(DrawAlgorithm.commitment(SEED))
            .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        assertThat(DrawAlgorithm.select(snapshot, SEED, 4, 2).text()).isEqualTo("""
                1,STAFF,s-2,李四,s-1;i-1
                2,UNIT,u-3,三中队,i-1;i-3
                3,STATION,st-1,"Station, north",i-3;i-2
                4,CASE,鄂前交罚〔2023〕12号,案卷12号,i-4;i-3
                """);
    }

    @Test
    void theSameSeedAndSnapshotGiveTheSameSelectionWhateverTheRowOrder() {
        DrawSnapshot snapshot = DrawSnapshot.parse(FIXTURE);
        List<String> lines = new ArrayList<>(List.of(FIXTURE.split("\n")).subList(1, 11));
        Collections.shuffle(lines, new Random(7));
        DrawSnapshot reordered = DrawSnapshot.parse(DrawSnapshot.HEADER + "\r\n" + String.join("\r\n", lines));
        assertThat(reordered.sha256()).isEqualTo(snapshot.sha256());
        assertThat(reordered.csv()).isEqualTo(snapshot.csv());
        assertThat(DrawAlgorithm.select(reordered, SEED, 3, 2)).isEqualTo(DrawAlgorithm.select(snapshot, SEED, 3, 2));
        assertThat(DrawSnapshot.parse(snapshot.csv()).csv()).isEqualTo(snapshot.csv());
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        DrawSnapshot snapshot = DrawSnapshot.parse(FIXTURE);
        byte[] other = SEED.clone();
        other[0] = 1;
        assertThat(DrawAlgorithm.select(snapshot, other, 5, 2).text())
            .isNotEqualTo(DrawAlgorithm.select(snapshot, SEED, 5, 2).text());
    }

    @Test
    void aChangedSnapshotHasAnotherHashAndFailsVerification() {
        DrawSnapshot snapshot = DrawSnapshot.parse(FIXTURE);
        for (String changed : List.of(FIXTURE.replace("李四", "李四 "), // white space is
                                                                    // normalised: same
                                                                    // hash
                FIXTURE.replace("李四", "李思"), FIXTURE.replace("UNIT:u-3", ""),
                FIXTURE.replace("INSPECTOR,STAFF,i-4,u-4,孙八,\n", ""), FIXTURE + "TARGET,STAFF,s-9,u-2,新增,\n")) {
            boolean sameContent = changed.contains("李四 ");
            assertThat(DrawSnapshot.parse(changed).sha256().equals(snapshot.sha256())).isEqualTo(sameContent);
        }
    }

    @Test
    void ownUnitSelfAndDeclaredConflictsAreNeverAssigned() {
        DrawSnapshot snapshot = DrawSnapshot.parse(FIXTURE);
        Random random = new Random(42);
        for (int run = 0; run < 300; run++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            for (Selection.Pick pick : DrawAlgorithm.select(snapshot, seed, 5, 3).picks()) {
                SnapshotRow t = pick.target();
                for (SnapshotRow i : pick.inspectors()) {
                    assertThat(i.unitId()).as("own unit").isNotEqualTo(t.unitId());
                    assertThat(i.subjectId()).as("oneself").isNotEqualTo(t.subjectId());
                    assertThat(i.conflicts()).as("declared conflict").doesNotContain(t.ref(), "UNIT:" + t.unitId());
                }
                assertThat(pick.inspectors()).doesNotHaveDuplicates();
            }
        }
        // Exactly who remains eligible for each target of the fixture:
        var byTarget = DrawAlgorithm.select(snapshot, SEED, 5, 10).picks();
        for (Selection.Pick pick : byTarget) {
            Set<String> ids = Set.copyOf(pick.inspectors().stream().map(SnapshotRow::subjectId).toList());
            switch (pick.target().subjectId()) {
                case "s-2" -> assertThat(ids).containsExactlyInAnyOrder("i-1", "i-4", "s-1");
                case "u-3" -> assertThat(ids).containsExactlyInAnyOrder("i-1", "i-3", "i-4", "s-1");
                case "st-1", "s-1" -> assertThat(ids).containsExactlyInAnyOrder("i-2", "i-3", "i-4");
                default -> assertThat(ids).containsExactlyInAnyOrder("i-1", "i-3", "i-4", "s-1");
            }
            assertThat(pick.eligible()).isEqualTo(ids.size());
        }
    }

    @Test
    void everyTargetHasTheSameChanceOfBeingDrawnFirst() {
        DrawSnapshot snapshot = DrawSnapshot.parse(FIXTURE);
        var counts = new java.util.HashMap<String, Integer>();
        Random random = new Random(1);
        for (int run = 0; run < 5000; run++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            counts.merge(DrawAlgorithm.select(snapshot, seed, 1, 0).picks().get(0).target().subjectId(), 1,
                    Integer::sum);
        }
        assertThat(counts).hasSize(5);
        counts.values().forEach(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void malformedInputIsRefused() {
        assertThatThrownBy(() -> DrawSnapshot.parse("a,b\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawSnapshot.parse(FIXTURE + "TARGET,STAFF,s-1,u-1,x,\n"))
            .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> DrawSnapshot.parse(FIXTURE + "BOSS,STAFF,z,u,x,\n")).hasMessageContaining("role");
        assertThatThrownBy(() -> Canonical.hex32("xyz")).isInstanceOf(IllegalArgumentException.class);
    }

}

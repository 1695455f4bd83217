package org.duban.inspection;

import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.duban.shared.BusinessRuleViolation;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DubanTest
@WithWorkTeamMember
class RandomDrawsTest {

    @Autowired
    RandomDraws draws;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VerifyDrawCommand command;

    UUID unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    UUID commitSquads(int count, int perTarget) {
        UUID bureau = unit("OTOGQ");
        return draws.commit(new DrawForm("squads", null, DrawForm.TargetType.UNIT, bureau, UnitKind.SQUAD, bureau,
                count, perTarget, DrawForm.SeedMode.COMMITTED, null), units.currentScope());
    }

    @Test
    void aCommittedDrawRevealsASeedMatchingItsCommitmentAndAnyoneCanRecomputeTheSelection() {
        UUID id = commitSquads(2, 2);
        RandomDraw committed = draws.get(id, units.currentScope());
        assertThat(committed.seed()).isNull();
        assertThat(committed.seedCommitment()).hasSize(64);
        assertThat(draws.snapshot(id).sha256()).isEqualTo(committed.snapshotHash());

        Selection selection = draws.draw(id, committed.version(), null, units.currentScope());
        RandomDraw drawn = draws.get(id, units.currentScope());
        assertThat(DrawAlgorithm.commitment(HexFormatHolder.parse(drawn.seed()))).isEqualTo(committed.seedCommitment());
        assertThat(drawn.selectionText()).isEqualTo(selection.text());
        Verification v = draws.verify(drawn);
        assertThat(v.ok()).isTrue();
        assertThat(v.selectionMatches()).isTrue();
        assertThat(selection.picks()).hasSize(2);
        assertThatThrownBy(() -> draws.draw(id, drawn.version(), null, units.currentScope()))
            .isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("draw.alreadyDrawn");
    }

    @Test
    void ownUnitAndDeclaredConflictsAreExcludedInARealDraw() {
        // Demonstration data: 马言江 declared a conflict with squad 2. Other tests may add
        // staff to the shared
        // database, so the pool's size is not fixed: ask for as many inspectors as the
        // pool holds.
        UUID id = commitSquads(2, 10);
        DrawSnapshot snapshot = draws.snapshot(id);
        draws.draw(id, 0, null, units.currentScope());
        Selection all = DrawAlgorithm.select(snapshot,
                java.util.HexFormat.of().parseHex(draws.get(id, units.currentScope()).seed()), 2,
                snapshot.inspectors().size());
        String squad2 = unit("OTOGQ-SQUAD-2").toString();
        String ma = jdbc.sql("select id::text from staff where name = '\u9a6c\u8a00\u6c5f'")
            .query(String.class)
            .single();
        assertThat(snapshot.inspectors()).anySatisfy(i -> assertThat(i.conflicts()).contains("UNIT:" + squad2));
        assertThat(all.picks()).hasSize(2);
        for (Selection.Pick pick : all.picks()) {
            List<String> unitsOfInspectors = pick.inspectors().stream().map(SnapshotRow::unitId).toList();
            assertThat(unitsOfInspectors).doesNotContain(pick.target().unitId());
            long eligible = snapshot.inspectors()
                .stream()
                .filter(i -> !i.unitId().equals(pick.target().unitId()))
                .filter(i -> !(i.subjectId().equals(ma) && pick.target().subjectId().equals(squad2)))
                .count();
            assertThat(pick.eligible()).isEqualTo(eligible);
            if (pick.target().subjectId().equals(squad2)) {
                assertThat(pick.inspectors().stream().map(SnapshotRow::subjectId)).doesNotContain(ma);
            }
            else {
                assertThat(pick.inspectors().stream().map(SnapshotRow::subjectId)).contains(ma);
            }
        }
        // The stored selection (10 per target) is the prefix of that full ranking.
        Selection stored = draws.verify(draws.get(id, units.currentScope())).selection();
        for (int n = 0; n < 2; n++) {
            assertThat(all.picks().get(n).inspectors())
                .startsWith(stored.picks().get(n).inspectors().toArray(SnapshotRow[]::new));
        }
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteACommittedDrawOrItsSnapshot() {
        UUID id = commitSquads(1, 1);
        assertThatThrownBy(
                () -> jdbc.sql("update random_draw set title = 'steered' where id = :id").param("id", id).update())
            .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("update random_draw set secret_seed = repeat('0', 64) where id = :id")
            .param("id", id)
            .update()).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from random_draw where id = :id").param("id", id).update())
            .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(
                () -> jdbc.sql("update draw_snapshot_row set label = 'x' where draw_id = :id").param("id", id).update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from draw_snapshot_row where draw_id = :id").param("id", id).update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into draw_snapshot_row (draw_id, role, subject_type, subject_id, unit_id, label)
                values (:id, 'TARGET', 'UNIT', 'extra', '', 'extra')
                """).param("id", id).update()).hasMessageContaining("sealed");
        draws.draw(id, 0, null, units.currentScope());
        assertThatThrownBy(
                () -> jdbc.sql("update random_draw set seed = repeat('1', 64) where id = :id").param("id", id).update())
            .hasMessageContaining("cannot be changed");
        // The one-time step of publishing is allowed, once.
        draws.publish(id, 1, units.currentScope());
        assertThatThrownBy(
                () -> jdbc.sql("update random_draw set published = false where id = :id").param("id", id).update())
            .hasMessageContaining("cannot be changed");
    }

    @Test
    void aPopulationChangedBehindTheTriggersIsDetectedAndTheDrawRefused() {
        UUID id = commitSquads(1, 1);
        jdbc.sql("alter table draw_snapshot_row disable trigger draw_snapshot_row_no_edit").update();
        try {
            jdbc.sql("update draw_snapshot_row set label = 'someone else' where draw_id = :id and role = 'TARGET'")
                .param("id", id)
                .update();
        }
        finally {
            jdbc.sql("alter table draw_snapshot_row enable trigger draw_snapshot_row_no_edit").update();
        }
        RandomDraw d = draws.get(id, units.currentScope());
        assertThat(draws.verify(d).snapshotIntact()).isFalse();
        assertThatThrownBy(() -> draws.draw(id, d.version(), null, units.currentScope()))
            .isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("draw.snapshotChanged");
    }

    @Test
    void aPublicFutureValueIsTheSeed() {
        UUID bureau = unit("OTOGQ");
        UUID id = draws.commit(new DrawForm("stations", null, DrawForm.TargetType.STATION, bureau, null, bureau, 1, 1,
                DrawForm.SeedMode.PUBLIC_VALUE, "lottery 2026-11-28"), units.currentScope());
        assertThatThrownBy(() -> draws.draw(id, 0, " ", units.currentScope()))
            .isInstanceOf(BusinessRuleViolation.class);
        draws.draw(id, 0, "03 17 22 29 31 08", units.currentScope());
        RandomDraw d = draws.get(id, units.currentScope());
        assertThat(d.seed()).isEqualTo(Canonical.sha256Hex("03 17 22 29 31 08".getBytes(StandardCharsets.UTF_8)));
        assertThat(draws.verify(d).ok()).isTrue();
    }

    @Test
    void theVerifyDrawCommandMatchesTheStoredDrawAndFailsOnAChangedSnapshot() throws Exception {
        UUID id = commitSquads(2, 2);
        draws.draw(id, 0, null, units.currentScope());
        RandomDraw d = draws.get(id, units.currentScope());
        Path dir = Files.createTempDirectory("verify-draw");
        Path file = dir.resolve("snapshot.csv");
        Files.writeString(file, draws.snapshot(id).csv());

        Run ok = run("--snapshot", file.toString(), "--seed", d.seed(), "--draw", d.publicId().toString());
        assertThat(ok.code).isZero();
        assertThat(ok.out).contains("snapshot-hash MATCH", "commitment MATCH", "selection MATCH", "VERIFIED")
            .contains(d.selectionText());

        Run offline = run("--snapshot", file.toString(), "--seed", d.seed(), "--commitment", d.seedCommitment(),
                "--snapshot-hash", d.snapshotHash(), "--count", "2", "--inspectors", "2");
        assertThat(offline.code).isZero();
        assertThat(offline.out).contains(d.selectionText());

        Files.writeString(file,
                draws.snapshot(id).csv().replaceFirst("\nTARGET,([^,]*),([^,]*),([^,]*),", "\nTARGET,$1,$2,$3,X"));
        Run changed = run("--snapshot", file.toString(), "--seed", d.seed(), "--draw", d.publicId().toString());
        assertThat(changed.code).isEqualTo(1);
        assertThat(changed.out).contains("snapshot-hash MISMATCH", "FAILED");

        Files.writeString(file, draws.snapshot(id).csv());
        Run wrongSeed = run("--snapshot", file.toString(), "--seed", "00".repeat(32), "--commitment",
                d.seedCommitment());
        assertThat(wrongSeed.code).isEqualTo(1);
        assertThat(wrongSeed.out).contains("commitment MISMATCH");

        assertThat(run("--snapshot", file.toString()).code).isEqualTo(2);
        assertThat(run("--snapshot", file.toString(), "--seed", "zz").code).isEqualTo(2);
    }

    record Run(int code, String out) {
    }

    Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = command.out;
        PrintStream previousErr = command.err;
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(out, true, StandardCharsets.UTF_8);
        try {
            int code = command.run(List.of(args));
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        }
        finally {
            command.out = previous;
            command.err = previousErr;
        }
    }

    static final class HexFormatHolder {

        static byte[] parse(String hex) {
            return java.util.HexFormat.of().parseHex(hex);
        }

    }

}
